package org.jijukirwa.generator;

import java.util.List;
import java.util.SplittableRandom;

/** Small random draws. StrictMath keeps the bytes identical on every JVM and CPU. */
final class Draws
{
    private Draws()
    {
    }

    static boolean chance(SplittableRandom random, double probability)
    {
        return random.nextDouble() < probability;
    }

    /** A uniform integer in [minimum, maximum]. */
    static int between(SplittableRandom random, int minimum, int maximum)
    {
        return minimum + random.nextInt(maximum - minimum + 1);
    }

    static <T> T pick(SplittableRandom random, List<T> items)
    {
        return items.get(random.nextInt(items.size()));
    }

    static double exponential(SplittableRandom random, double mean)
    {
        return -mean * StrictMath.log(1 - random.nextDouble());
    }

    static int poisson(SplittableRandom random, double mean)
    {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 40) {
            // Normal approximation: Knuth's product loop would underflow.
            double value = mean + StrictMath.sqrt(mean) * gaussian(random);
            return (int) Math.max(0, StrictMath.round(value));
        }
        double limit = StrictMath.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }

    static double gaussian(SplittableRandom random)
    {
        double first = 1 - random.nextDouble();
        double second = random.nextDouble();
        return StrictMath.sqrt(-2 * StrictMath.log(first)) * StrictMath.cos(2 * StrictMath.PI * second);
    }
}
