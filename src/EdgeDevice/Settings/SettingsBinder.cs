using System.Diagnostics.CodeAnalysis;
using EdgeDevice.Hardware.Cameras;
using EdgeDevice.Hardware.Displays;
using EdgeDevice.Pipeline;
using Microsoft.Extensions.Configuration;

namespace EdgeDevice.Settings;

/// <summary>
/// The one place where each settings type meets the configuration binder. Every Bind call
/// here names its concrete type, so the configuration binding source generator (on for every
/// build, see EdgeDevice.csproj) writes the binding code at compile time. A Bind call on a
/// generic T or on a boxed object gets no generated code and falls back to reflection, which
/// a NativeAOT build (deploy.sh --aot) cannot rely on: a new settings type is added here.
/// </summary>
internal static class SettingsBinder
{
    /// <summary>Binds <paramref name="section"/> into <paramref name="target"/>; strict: a key the type does not know throws.</summary>
    public static void Bind(IConfigurationSection section, object target, bool strict)
    {
        Action<BinderOptions> options = o => o.ErrorOnUnknownConfiguration = strict;
        switch (target)
        {
            case SourceOptions o: section.Bind(o, options); break;
            case HardwareCameraOptions o: section.Bind(o, options); break;
            case DisplayOptions o: section.Bind(o, options); break;
            case HardwareDisplayOptions o: section.Bind(o, options); break;
            case PipelineOptions o: section.Bind(o, options); break;
            case ButtonOptions o: section.Bind(o, options); break;
            case TrainingOptions o: section.Bind(o, options); break;
            default: throw Unknown(target);
        }
    }

    /// <summary>The setting names <paramref name="target"/>'s type accepts (its writable properties).</summary>
    public static IEnumerable<string> SettingNames(object target) => target switch
    {
        SourceOptions => Writable<SourceOptions>(),
        HardwareCameraOptions => Writable<HardwareCameraOptions>(),
        DisplayOptions => Writable<DisplayOptions>(),
        HardwareDisplayOptions => Writable<HardwareDisplayOptions>(),
        PipelineOptions => Writable<PipelineOptions>(),
        ButtonOptions => Writable<ButtonOptions>(),
        TrainingOptions => Writable<TrainingOptions>(),
        _ => throw Unknown(target),
    };

    // The annotation keeps the properties through trimming and makes this reflection AOT-safe.
    private static IEnumerable<string> Writable<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] T>() =>
        typeof(T).GetProperties().Where(p => p.CanWrite).Select(p => p.Name);

    private static ArgumentException Unknown(object target) =>
        new($"{target.GetType().Name} is not a settings type SettingsBinder knows; add it there so its binding code is generated.", nameof(target));
}
