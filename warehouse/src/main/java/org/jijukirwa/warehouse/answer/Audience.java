package org.jijukirwa.warehouse.answer;

/** Who asks: the public gets protected (rounded) person counts, managers exact figures. */
public enum Audience
{
    PUBLIC,
    MANAGER
}
