using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NasPipeline.Runtime;

/// <summary>
/// Which of libtorch's CPU kernels this process may use, settled once before the first convolution.
/// <para>
/// oneDNN: on an AMD EPYC with AVX-512 (seen 2026-11-30; oneDNN 3.7.1 in libtorch 2.10.0) the float32 convolution
/// backward-by-data kernels oneDNN picks for AVX2 and AVX-512 return wrong input gradients, errors of order 10 and
/// sometimes NaN, while the forward and the weight gradients are right; the AVX kernels are right (checked against
/// float64 by <c>ConvolutionGradientTests</c>) and cost about a fifth more time per NB201 supernet step there. On
/// Intel machines the AVX-512 kernels were right, so only AMD processors are capped, and only when the user has not
/// chosen an ISA (<c>ONEDNN_MAX_CPU_ISA</c> or <c>DNNL_MAX_CPU_ISA</c> in the environment wins).
/// </para>
/// <para>
/// NNPACK: where it cannot initialise ("Unsupported hardware") libtorch warns on every convolution that asks for it
/// (hundreds of thousands of lines in a test run); NNPACK is then never used, so switching it off changes no number.
/// </para>
/// </summary>
public static class NativeKernels
{
    const string IsaVariable = "ONEDNN_MAX_CPU_ISA";
    static readonly object Gate = new();
    static bool _applied;

    /// <summary>
    /// The ISA cap, when the library is first used, before any of its code can reach a convolution (it needs no
    /// libtorch, so loading the library stays free of native side effects).
    /// </summary>
    [ModuleInitializer]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2255",
        Justification = "the cap must precede any convolution, whichever entry point loads the library")]
    internal static void OnLoad()
    {
        if (OperatingSystem.IsLinux()) CapOneDnnIsa();
    }

    /// <summary>
    /// The NNPACK setting (the ISA cap is already in place: the module initializer ran before any code here);
    /// idempotent. Every run calls it through <c>Determinism.Threads</c>, the test host in a set-up fixture.
    /// </summary>
    public static void Apply()
    {
        lock (Gate)
        {
            if (_applied) return;
            _applied = true;
            if (OperatingSystem.IsLinux()) SwitchOffUnusableNnpack();
        }
    }

    static void CapOneDnnIsa()
    {
        if (Environment.GetEnvironmentVariable(IsaVariable) is not null ||
            Environment.GetEnvironmentVariable("DNNL_MAX_CPU_ISA") is not null || !IsAmd()) return;
        // oneDNN reads the cap with getenv when it first picks a kernel; .NET's own copy of the environment is not
        // what getenv sees, so libc's setenv is needed (the managed copy is set too, for child processes).
        if (setenv(IsaVariable, "AVX", 0) != 0) return;
        Environment.SetEnvironmentVariable(IsaVariable, "AVX");
    }

    static bool IsAmd()
    {
        try
        {
            return File.ReadLines("/proc/cpuinfo").Take(40)
                .Any(line => line.StartsWith("vendor_id", StringComparison.Ordinal) && line.Contains("AuthenticAMD"));
        }
        catch (IOException)
        {
            return false;
        }
    }

    static void SwitchOffUnusableNnpack()
    {
        // TorchSharp loads libtorch on first use; the context calls below need it loaded. A libtorch without these
        // symbols only keeps its warnings.
        _ = TorchSharp.torch.get_num_threads();
        try
        {
            if (!NnpackAvailable()) SetUserEnabledNnpack(GlobalContext(), false);
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
        }
    }

    [DllImport("libc", EntryPoint = "setenv")]
    static extern int setenv(string name, string value, int overwrite);

    [DllImport("libtorch_cpu", EntryPoint = "_ZN2at6native17_nnpack_availableEv")]
    [return: MarshalAs(UnmanagedType.U1)]
    static extern bool NnpackAvailable();

    [DllImport("libtorch_cpu", EntryPoint = "_ZN2at13globalContextEv")]
    static extern IntPtr GlobalContext();

    [DllImport("libtorch_cpu", EntryPoint = "_ZN2at7Context20setUserEnabledNNPACKEb")]
    static extern void SetUserEnabledNnpack(IntPtr context, [MarshalAs(UnmanagedType.U1)] bool enabled);
}
