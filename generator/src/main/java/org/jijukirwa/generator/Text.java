package org.jijukirwa.generator;

/** Fast fixed-width number formatting (String.format is too slow for millions of rows). */
final class Text
{
    private Text()
    {
    }

    static String pad(long value, int width)
    {
        String digits = Long.toString(value);
        if (digits.length() >= width) {
            return digits;
        }
        StringBuilder padded = new StringBuilder(width);
        for (int missing = width - digits.length(); missing > 0; missing--) {
            padded.append('0');
        }
        return padded.append(digits).toString();
    }
}
