namespace NasPipeline.Data;

/// <summary>
/// Seeded permutations: the one way the project shuffles indices, so the same seed gives the same order everywhere.
/// </summary>
public static class Permutation
{
    /// <summary>0..count−1 in an order fixed by <paramref name="seed"/> (System.Random's Fisher–Yates).</summary>
    public static int[] Seeded(int count, int seed)
    {
        var order = Enumerable.Range(0, count).ToArray();
        new Random(seed).Shuffle(order);
        return order;
    }
}
