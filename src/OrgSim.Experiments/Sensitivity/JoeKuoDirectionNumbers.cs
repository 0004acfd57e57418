using System.Globalization;

namespace OrgSim.Experiments.Sensitivity;

/// <summary>
/// The Joe–Kuo direction numbers for Sobol' sequences in up to <see cref="Dimensions"/>
/// dimensions, and the 32-bit direction integers they generate.
/// </summary>
/// <remarks>
/// <para>
/// Source: S. Joe and F. Y. Kuo, "Constructing Sobol sequences with better two-dimensional
/// projections", SIAM J. Sci. Comput. 30 (2008) 2635–2654, and the data file
/// <c>new-joe-kuo-6.21201</c> they publish at https://web.maths.unsw.edu.au/~fkuo/sobol/ (the one
/// SALib and SciPy use). <see cref="Table"/> is the first 99 data lines of that file, dimensions
/// 2 to 100, in its own columns: d (dimension), s (degree of the primitive polynomial), a (its
/// inner coefficients as bits) and m_1 … m_s (the initial direction numbers). Dimension 1 is not
/// in the file: it is the van der Corput sequence, every m_k = 1.
/// </para>
/// <para>
/// The rows were taken from SALib's transcription (src/SALib/sample/directions.py) and checked,
/// row by row, against Boost.Random's independent one (boost/random/detail/sobol_table.hpp,
/// whose polynomial 2^s + 2a + 1 and starting values agree for every row here). SobolSequenceTests
/// compares the points with the output of Joe and Kuo's own generator, sobol.cc.
/// </para>
/// <para>
/// 100 dimensions are 2k columns of a Saltelli design for up to k = 50 parameters; a larger k
/// needs more rows of the same file, and nothing else.
/// </para>
/// </remarks>
internal static class JoeKuoDirectionNumbers
{
    /// <summary>How many dimensions the table covers: the van der Corput one and 99 rows.</summary>
    public const int Dimensions = 100;

    /// <summary>Bits of each direction integer, and so of each coordinate.</summary>
    public const int Bits = 32;

    private const string Table = """
        2 1 0 1
        3 2 1 1 3
        4 3 1 1 3 1
        5 3 2 1 1 1
        6 4 1 1 1 3 3
        7 4 4 1 3 5 13
        8 5 2 1 1 5 5 17
        9 5 4 1 1 5 5 5
        10 5 7 1 1 7 11 19
        11 5 11 1 1 5 1 1
        12 5 13 1 1 1 3 11
        13 5 14 1 3 5 5 31
        14 6 1 1 3 3 9 7 49
        15 6 13 1 1 1 15 21 21
        16 6 16 1 3 1 13 27 49
        17 6 19 1 1 1 15 7 5
        18 6 22 1 3 1 15 13 25
        19 6 25 1 1 5 5 19 61
        20 7 1 1 3 7 11 23 15 103
        21 7 4 1 3 7 13 13 15 69
        22 7 7 1 1 3 13 7 35 63
        23 7 8 1 3 5 9 1 25 53
        24 7 14 1 3 1 13 9 35 107
        25 7 19 1 3 1 5 27 61 31
        26 7 21 1 1 5 11 19 41 61
        27 7 28 1 3 5 3 3 13 69
        28 7 31 1 1 7 13 1 19 1
        29 7 32 1 3 7 5 13 19 59
        30 7 37 1 1 3 9 25 29 41
        31 7 41 1 3 5 13 23 1 55
        32 7 42 1 3 7 3 13 59 17
        33 7 50 1 3 1 3 5 53 69
        34 7 55 1 1 5 5 23 33 13
        35 7 56 1 1 7 7 1 61 123
        36 7 59 1 1 7 9 13 61 49
        37 7 62 1 3 3 5 3 55 33
        38 8 14 1 3 1 15 31 13 49 245
        39 8 21 1 3 5 15 31 59 63 97
        40 8 22 1 3 1 11 11 11 77 249
        41 8 38 1 3 1 11 27 43 71 9
        42 8 47 1 1 7 15 21 11 81 45
        43 8 49 1 3 7 3 25 31 65 79
        44 8 50 1 3 1 1 19 11 3 205
        45 8 52 1 1 5 9 19 21 29 157
        46 8 56 1 3 7 11 1 33 89 185
        47 8 67 1 3 3 3 15 9 79 71
        48 8 70 1 3 7 11 15 39 119 27
        49 8 84 1 1 3 1 11 31 97 225
        50 8 97 1 1 1 3 23 43 57 177
        51 8 103 1 3 7 7 17 17 37 71
        52 8 115 1 3 1 5 27 63 123 213
        53 8 122 1 1 3 5 11 43 53 133
        54 9 8 1 3 5 5 29 17 47 173 479
        55 9 13 1 3 3 11 3 1 109 9 69
        56 9 16 1 1 1 5 17 39 23 5 343
        57 9 22 1 3 1 5 25 15 31 103 499
        58 9 25 1 1 1 11 11 17 63 105 183
        59 9 44 1 1 5 11 9 29 97 231 363
        60 9 47 1 1 5 15 19 45 41 7 383
        61 9 52 1 3 7 7 31 19 83 137 221
        62 9 55 1 1 1 3 23 15 111 223 83
        63 9 59 1 1 5 13 31 15 55 25 161
        64 9 62 1 1 3 13 25 47 39 87 257
        65 9 67 1 1 1 11 21 53 125 249 293
        66 9 74 1 1 7 11 11 7 57 79 323
        67 9 81 1 1 5 5 17 13 81 3 131
        68 9 82 1 1 7 13 23 7 65 251 475
        69 9 87 1 3 5 1 9 43 3 149 11
        70 9 91 1 1 3 13 31 13 13 255 487
        71 9 94 1 3 3 1 5 63 89 91 127
        72 9 103 1 1 3 3 1 19 123 127 237
        73 9 104 1 1 5 7 23 31 37 243 289
        74 9 109 1 1 5 11 17 53 117 183 491
        75 9 122 1 1 1 5 1 13 13 209 345
        76 9 124 1 1 3 15 1 57 115 7 33
        77 9 137 1 3 1 11 7 43 81 207 175
        78 9 138 1 3 1 1 15 27 63 255 49
        79 9 143 1 3 5 3 27 61 105 171 305
        80 9 145 1 1 5 3 1 3 57 249 149
        81 9 152 1 1 3 5 5 57 15 13 159
        82 9 157 1 1 1 11 7 11 105 141 225
        83 9 167 1 3 3 5 27 59 121 101 271
        84 9 173 1 3 5 9 11 49 51 59 115
        85 9 176 1 1 7 1 23 45 125 71 419
        86 9 181 1 1 3 5 23 5 105 109 75
        87 9 182 1 1 7 15 7 11 67 121 453
        88 9 185 1 3 7 3 9 13 31 27 449
        89 9 191 1 3 1 15 19 39 39 89 15
        90 9 194 1 1 1 1 1 33 73 145 379
        91 9 199 1 3 1 15 15 43 29 13 483
        92 9 218 1 1 7 3 19 27 85 131 431
        93 9 220 1 3 3 3 5 35 23 195 349
        94 9 227 1 3 3 7 9 27 39 59 297
        95 9 229 1 1 3 9 11 17 13 241 157
        96 9 230 1 3 7 15 25 57 33 189 213
        97 9 234 1 1 7 1 9 55 73 83 217
        98 9 236 1 3 3 13 19 27 23 113 249
        99 9 241 1 3 5 3 23 43 3 253 479
        100 9 244 1 1 5 5 11 5 45 117 217
        """;

    /// <summary>
    /// The direction integers V[d·32 + (j − 1)] = v_{d,j}·2^32 for dimensions d = 0 … dimensions − 1
    /// and bits j = 1 … 32: the first s of dimension d from its m_j (v_j = m_j / 2^j), the rest by
    /// the recurrence of Bratley and Fox (1988) as Joe and Kuo's sobol.cc writes it.
    /// </summary>
    public static uint[] DirectionIntegers(int dimensions)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimensions);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(dimensions, Dimensions);

        var v = new uint[dimensions * Bits];
        for (int j = 1; j <= Bits; j++)
        {
            v[j - 1] = 1u << (Bits - j);
        }

        string[] rows = Table.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (int d = 1; d < dimensions; d++)
        {
            int[] columns = Array.ConvertAll(rows[d - 1].Split(' ', StringSplitOptions.RemoveEmptyEntries), c => int.Parse(c, CultureInfo.InvariantCulture));
            int s = columns[1], a = columns[2];
            System.Diagnostics.Debug.Assert(columns[0] == d + 1 && columns.Length == 3 + s, "a row of the table is malformed");
            Span<uint> row = v.AsSpan(d * Bits, Bits);
            for (int j = 1; j <= s; j++)
            {
                row[j - 1] = (uint)columns[2 + j] << (Bits - j);
            }

            for (int j = s + 1; j <= Bits; j++)
            {
                uint next = row[j - s - 1] ^ (row[j - s - 1] >> s);
                for (int k = 1; k < s; k++)
                {
                    if (((a >> (s - 1 - k)) & 1) != 0)
                    {
                        next ^= row[j - k - 1];
                    }
                }

                row[j - 1] = next;
            }
        }

        return v;
    }
}
