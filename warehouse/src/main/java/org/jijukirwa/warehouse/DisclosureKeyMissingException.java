package org.jijukirwa.warehouse;

/**
 * A public figure that counts people was asked for, but no disclosure secret is configured: without it the rounding
 * cannot be keyed, and exact counts are never served to the public (docs/disclosure.md).
 */
public class DisclosureKeyMissingException
        extends RuntimeException
{
    public DisclosureKeyMissingException()
    {
        super("Public figures that count people are not served: no disclosure key is configured "
                + "(set jijukirwa.warehouse.disclosure-key-file to a file holding the secret; see docs/disclosure.md).");
    }
}
