using System.Reflection;
using EdgeDevice.Cli;
using EdgeDevice.Hardware.Cameras;
using EdgeDevice.Hardware.Displays;
using EdgeDevice.Pipeline;
using EdgeDevice.Settings;
using Microsoft.Extensions.Configuration;

namespace EdgeDevice.Tests.Settings;

/// <summary>
/// SettingsBinder names every settings type once so the binding code is generated at compile
/// time (what a NativeAOT build needs). Each type binds every one of its settings, lists the
/// names a shared section accepts, and a type it does not know is refused loudly.
/// </summary>
public class SettingsBinderTests
{
    public static TheoryData<Type> SettingsTypes => new()
    {
        typeof(SourceOptions), typeof(HardwareCameraOptions), typeof(DisplayOptions), typeof(HardwareDisplayOptions),
        typeof(PipelineOptions), typeof(ButtonOptions), typeof(TrainingOptions),
    };

    [Theory]
    [MemberData(nameof(SettingsTypes))]
    public void Setting_names_are_the_writable_properties(Type type)
    {
        object target = Activator.CreateInstance(type)!;
        string[] expected = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).Select(p => p.Name).Order().ToArray();

        Assert.NotEmpty(expected);
        Assert.Equal(expected, SettingsBinder.SettingNames(target).Order().ToArray());
    }

    [Fact]
    public void Every_setting_of_the_device_settings_is_bound_from_its_section()
    {
        // A value for every property of every section; binding must change each one.
        var values = new Dictionary<string, string?>();
        var defaults = new Dictionary<string, object>();
        foreach ((string section, object target) in Sections())
        {
            foreach (PropertyInfo p in target.GetType().GetProperties().Where(p => p.CanWrite))
            {
                values[$"{section}:{p.Name}"] = SampleValue(p.PropertyType, p.GetValue(target));
                defaults[$"{section}:{p.Name}"] = p.GetValue(target) ?? "";
            }
        }

        IConfiguration config = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        foreach ((string section, object target) in Sections())
        {
            SettingsBinder.Bind(config.GetSection(section), target, strict: false);
            foreach (PropertyInfo p in target.GetType().GetProperties().Where(p => p.CanWrite))
            {
                Assert.NotEqual(defaults[$"{section}:{p.Name}"], p.GetValue(target) ?? "");
            }
        }
    }

    [Fact]
    public void Strict_binding_refuses_a_key_the_type_does_not_know()
    {
        IConfiguration config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Button:Pinn"] = "4" }).Build();

        var ex = Assert.Throws<InvalidOperationException>(() => SettingsBinder.Bind(config.GetSection("Button"), new ButtonOptions(), strict: true));
        SettingsBinder.Bind(config.GetSection("Button"), new ButtonOptions(), strict: false);

        Assert.Contains("Pinn", ex.Message);
    }

    [Fact]
    public void A_type_it_does_not_know_is_an_argument_error_naming_it()
    {
        IConfiguration config = new ConfigurationBuilder().Build();

        var bind = Assert.Throws<ArgumentException>(() => SettingsBinder.Bind(config.GetSection("X"), new UserInputException("x"), strict: true));
        var names = Assert.Throws<ArgumentException>(() => SettingsBinder.SettingNames(new Uri("http://x")).ToList());

        Assert.Equal("target", bind.ParamName);
        Assert.Contains(nameof(UserInputException), bind.Message);
        Assert.Contains(nameof(Uri), names.Message);
    }

    private static IEnumerable<(string Section, object Target)> Sections() =>
    [
        (SourceOptions.Section, new SourceOptions()), (SourceOptions.Section, new HardwareCameraOptions()),
        (DisplayOptions.Section, new DisplayOptions()), (DisplayOptions.Section, new HardwareDisplayOptions()),
        (PipelineOptions.SectionName, new PipelineOptions()), (ButtonOptions.Section, new ButtonOptions()),
        (TrainingOptions.Section, new TrainingOptions()),
    ];

    /// <summary>A value of the property's type that differs from its default.</summary>
    private static string SampleValue(Type type, object? current)
    {
        Type t = Nullable.GetUnderlyingType(type) ?? type;
        if (t.IsEnum)
        {
            return Enum.GetNames(t).First(n => current is null || n != current.ToString());
        }

        if (t == typeof(bool))
        {
            return current is true ? "false" : "true";
        }

        if (t == typeof(string))
        {
            return "value-" + (current ?? "");
        }

        // Numbers: one more than the default (0 when unset).
        double number = current is null ? 0 : Convert.ToDouble(current, System.Globalization.CultureInfo.InvariantCulture);
        return (number + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
