package org.jijukirwa.dashboard.upload;

/** An upload that cannot be taken, with the sentence that says why (a 400). */
public final class UploadRejectedException
        extends RuntimeException
{
    public UploadRejectedException(String message)
    {
        super(message);
    }
}
