package org.jijukirwa.generator;

/** One share (a probability per written row) for each dataset. */
public record DatasetShares(double cooperatives, double members, double trainings, double coaching)
{
    public DatasetShares
    {
        check(cooperatives);
        check(members);
        check(trainings);
        check(coaching);
    }

    public static DatasetShares all(double share)
    {
        return new DatasetShares(share, share, share, share);
    }

    public double of(Dataset dataset)
    {
        return switch (dataset) {
            case COOPERATIVES -> cooperatives;
            case MEMBERS -> members;
            case TRAININGS -> trainings;
            case COACHING -> coaching;
        };
    }

    private static void check(double share)
    {
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("a share must be in [0, 1], got " + share);
        }
    }
}
