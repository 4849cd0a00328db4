namespace CityScreen.Domain.Index;

/// <summary>The analytic hierarchy process (层次分析法) on a pairwise comparison matrix.</summary>
public static class AhpMatrix
{
    /// <summary>Saaty's random consistency index RI for n = 1..10.</summary>
    public static readonly IReadOnlyList<double> RandomIndex = [0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49];

    /// <summary>
    /// How far a_ij × a_ji may stray from 1. Data files write 1/3 as 0.333; a looser check would
    /// let a typo like 0.3 for 1/2 pass.
    /// </summary>
    public const double ReciprocalTolerance = 0.01;

    private const int MaxIterations = 10_000;
    private const double Converged = 1e-13;

    /// <summary>
    /// What is wrong with <paramref name="matrix"/> as a Saaty matrix: a row or column of -1 means
    /// the whole matrix or row. Empty when it is square, positive, within 1/9..9, 1 on the diagonal
    /// and reciprocal.
    /// </summary>
    public static IReadOnlyList<(int Row, int Column, string Message)> Problems(IReadOnlyList<IReadOnlyList<double>> matrix)
    {
        var problems = new List<(int, int, string)>();
        var n = matrix.Count;
        if (n == 0) problems.Add((-1, -1, "must have at least one row"));
        if (n > RandomIndex.Count) problems.Add((-1, -1, $"has {n} rows; Saaty's random index is tabulated only up to {RandomIndex.Count}"));
        for (var i = 0; i < n; i++)
            if (matrix[i].Count != n) problems.Add((i, -1, $"has {matrix[i].Count} entries; the matrix must be square ({n} × {n})"));
        if (problems.Count > 0) return problems;

        for (var i = 0; i < n; i++)
        for (var j = 0; j < n; j++)
        {
            var a = matrix[i][j];
            if (!double.IsFinite(a) || a <= 0) problems.Add((i, j, "must be a positive number"));
            else if (i == j && a != 1) problems.Add((i, j, "must be 1 on the diagonal"));
            else if (a < 1.0 / 9 * (1 - ReciprocalTolerance) || a > 9 * (1 + ReciprocalTolerance))
                problems.Add((i, j, "must lie on Saaty's scale, 1/9 to 9"));
            else if (j > i && matrix[j][i] is var b && double.IsFinite(b) && b > 0 && Math.Abs(a * b - 1) > ReciprocalTolerance)
                problems.Add((j, i, $"must be the reciprocal of [{i}][{j}] = {a:0.###}, i.e. {1 / a:0.###}"));
        }
        return problems;
    }

    /// <summary>Priorities by power iteration, λmax, CI = (λmax − n)/(n − 1) and CR = CI / RI.</summary>
    public static AhpResult Analyse(IReadOnlyList<IReadOnlyList<double>> matrix)
    {
        var problems = Problems(matrix);
        if (problems.Count > 0)
            throw new ArgumentException($"not a pairwise comparison matrix: {problems[0].Message}", nameof(matrix));

        var n = matrix.Count;
        var w = Enumerable.Repeat(1.0 / n, n).ToArray();
        var next = new double[n];
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            Multiply(matrix, w, next);
            var sum = next.Sum();
            var change = 0.0;
            for (var i = 0; i < n; i++)
            {
                next[i] /= sum;
                change = Math.Max(change, Math.Abs(next[i] - w[i]));
            }
            (w, next) = (next, w);
            if (change < Converged) break;
        }

        // For a positive matrix the principal eigenvalue is the same ratio in every row; the mean
        // smooths what is left of the iteration's error.
        Multiply(matrix, w, next);
        var lambdaMax = Enumerable.Range(0, n).Average(i => next[i] / w[i]);
        var ci = n > 1 ? Math.Max(0, (lambdaMax - n) / (n - 1)) : 0;
        var ri = RandomIndex[n - 1];
        var cr = ri > 0 ? ci / ri : 0;
        return new AhpResult(w, lambdaMax, ci, cr);
    }

    private static void Multiply(IReadOnlyList<IReadOnlyList<double>> a, double[] x, double[] into)
    {
        for (var i = 0; i < x.Length; i++)
        {
            var s = 0.0;
            for (var j = 0; j < x.Length; j++) s += a[i][j] * x[j];
            into[i] = s;
        }
    }
}
