using NasPipeline.Manifest;
using NasPipeline.Runtime;
using static TorchSharp.torch;

namespace NasPipeline.Training;

/// <summary>Seeds TorchSharp's generator; with a fixed thread count the CPU results repeat bit for bit.</summary>
public static class Determinism
{
    public static void Seed(int seed) => manual_seed(seed);

    /// <summary>
    /// Also settles the CPU kernels (<see cref="NativeKernels"/>), as every run sets its threads first.
    /// </summary>
    public static void Threads(int threads)
    {
        NativeKernels.Apply();
        set_num_threads(threads);
    }

    /// <summary>
    /// Sets the thread count and makes <see cref="ComputeSettings.Device"/> the default device, so modules and
    /// tensors are created there. A CUDA device needs a CUDA build of TorchSharp (TorchSharp-cuda-*), which this
    /// project does not reference: asking for one fails here, before any work, instead of silently using the CPU.
    /// </summary>
    public static void Use(ComputeSettings compute)
    {
        Threads(compute.Threads);
        if (compute.Device != "cpu" && !cuda.is_available())
            throw new DeviceUnavailableException(
                $"{(compute.DeviceLocation is { } at ? $"{at}: " : "")}[experiment] device = \"{compute.Device}\" " +
                $"is not available: this build of TorchSharp ({typeof(TorchSharp.torch).Assembly.GetName().Version}) " +
                "has no CUDA support (it references TorchSharp-cpu); " +
                "set [experiment] device = \"cpu\" or build with a CUDA package");
        set_default_device(compute.Device);
    }
}

/// <summary>The manifest asks for a device this machine or build cannot provide.</summary>
public sealed class DeviceUnavailableException(string message) : Exception(message);
