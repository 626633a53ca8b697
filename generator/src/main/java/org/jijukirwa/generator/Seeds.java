package org.jijukirwa.generator;

import java.util.SplittableRandom;

/**
 * Independent, reproducible random streams derived from the run's seed and a
 * few integers (district, cooperative, year...), so any part of the data can
 * be regenerated on its own without keeping the rest in memory.
 */
final class Seeds
{
    private Seeds()
    {
    }

    static long mix(long seed, long... parts)
    {
        long hash = scramble(seed ^ 0x2545F4914F6CDD1DL);
        for (long part : parts) {
            hash = scramble(hash ^ scramble(part + 0x9E3779B97F4A7C15L));
        }
        return hash;
    }

    static SplittableRandom random(long seed, long... parts)
    {
        return new SplittableRandom(mix(seed, parts));
    }

    // The SplitMix64 finaliser: every input bit affects every output bit.
    private static long scramble(long value)
    {
        long z = value;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
