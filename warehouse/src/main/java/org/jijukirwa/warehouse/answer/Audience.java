package org.jijukirwa.warehouse.answer;

/** Who asks: the public gets small cells suppressed, managers see every cell. */
public enum Audience
{
    PUBLIC,
    MANAGER
}
