namespace NasPipeline.Tests.SearchSpaces.Darts;

/// <summary>Genotypes as published in the methods' own genotypes.py files, pasted verbatim.</summary>
public static class PublishedGenotypes
{
    /// <summary>
    /// <c>DARTS_V1</c> (first order) of yuhuixu1993/PC-DARTS and chenxin061/pdarts <c>genotypes.py</c>, copies of
    /// DARTS's own file (the stored quark0/darts <c>cnn/genotypes.py</c> names this cell <c>DARTS</c>).
    /// </summary>
    public const string DartsV1 = "Genotype(normal=[('sep_conv_3x3', 1), ('sep_conv_3x3', 0), ('skip_connect', 0), "
        + "('sep_conv_3x3', 1), ('skip_connect', 0), ('sep_conv_3x3', 1), ('sep_conv_3x3', 0), ('skip_connect', 2)], "
        + "normal_concat=[2, 3, 4, 5], reduce=[('max_pool_3x3', 0), ('max_pool_3x3', 1), ('skip_connect', 2), "
        + "('max_pool_3x3', 0), ('max_pool_3x3', 0), ('skip_connect', 2), ('skip_connect', 2), ('avg_pool_3x3', 0)], "
        + "reduce_concat=[2, 3, 4, 5])";

    /// <summary><c>DARTS_V2</c> of the same files: DARTS second order, the paper's 3.3 M / 2.76 % cell.</summary>
    public const string DartsV2 = "Genotype(normal=[('sep_conv_3x3', 0), ('sep_conv_3x3', 1), ('sep_conv_3x3', 0), "
        + "('sep_conv_3x3', 1), ('sep_conv_3x3', 1), ('skip_connect', 0), ('skip_connect', 0), ('dil_conv_3x3', 2)], "
        + "normal_concat=[2, 3, 4, 5], reduce=[('max_pool_3x3', 0), ('max_pool_3x3', 1), ('skip_connect', 2), "
        + "('max_pool_3x3', 1), ('max_pool_3x3', 0), ('skip_connect', 2), ('skip_connect', 2), ('max_pool_3x3', 1)], "
        + "reduce_concat=[2, 3, 4, 5])";

    /// <summary>yuhuixu1993/PC-DARTS <c>genotypes.py</c> <c>PC_DARTS_cifar</c> (paper: 3.6 M, C=36, L=20).</summary>
    public const string PcDartsCifar = "Genotype(normal=[('sep_conv_3x3', 1), ('skip_connect', 0), "
        + "('sep_conv_3x3', 0), ('dil_conv_3x3', 1), ('sep_conv_5x5', 0), ('sep_conv_3x3', 1), ('avg_pool_3x3', 0), "
        + "('dil_conv_3x3', 1)], "
        + "normal_concat=range(2, 6), reduce=[('sep_conv_5x5', 1), ('max_pool_3x3', 0), ('sep_conv_5x5', 1), "
        + "('sep_conv_5x5', 2), ('sep_conv_3x3', 0), ('sep_conv_3x3', 3), ('sep_conv_3x3', 1), ('sep_conv_3x3', 2)], "
        + "reduce_concat=range(2, 6))";

    /// <summary>chenxin061/pdarts <c>genotypes.py</c> <c>PDARTS</c> (paper: 3.4 M), spacing as published.</summary>
    public const string Pdarts = "Genotype(normal=[('skip_connect', 0), ('dil_conv_3x3', 1), ('skip_connect', 0),"
        + "('sep_conv_3x3', 1), ('sep_conv_3x3', 1), ('sep_conv_3x3', 3), ('sep_conv_3x3',0), ('dil_conv_5x5', 4)], "
        + "normal_concat=range(2, 6), reduce=[('avg_pool_3x3', 0), ('sep_conv_5x5', 1), ('sep_conv_3x3', 0), "
        + "('dil_conv_5x5', 2), ('max_pool_3x3', 0), ('dil_conv_3x3', 1), ('dil_conv_3x3', 1), ('dil_conv_5x5', 3)], "
        + "reduce_concat=range(2, 6))";

    /// <summary>
    /// ruocwang/darts-pt <c>sota/cnn/genotypes.py</c> <c>darts_pt_s5_0</c>, commented there "# 2.85 (param size)".
    /// </summary>
    public const string DartsPtS5 = "Genotype(normal=[('sep_conv_3x3', 0), ('sep_conv_3x3', 1), ('sep_conv_5x5', 0), "
        + "('dil_conv_3x3', 1), ('skip_connect', 0), ('skip_connect', 2), ('skip_connect', 0), ('max_pool_3x3', 4)], "
        + "normal_concat=range(2, 6), reduce=[('sep_conv_3x3', 0), ('avg_pool_3x3', 1), ('dil_conv_5x5', 1), "
        + "('dil_conv_3x3', 2), ('avg_pool_3x3', 0), ('max_pool_3x3', 2), ('sep_conv_3x3', 2), ('skip_connect', 4)], "
        + "reduce_concat=range(2, 6))";
}
