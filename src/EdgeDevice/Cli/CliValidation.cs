using System.CommandLine;

namespace EdgeDevice.Cli;

/// <summary>Small parse-time checks shared by the verbs.</summary>
public static class CliValidation
{
    /// <summary>
    /// System.CommandLine hands an unknown "--flag" to a free-text argument as its value;
    /// INTERFACE.md says unknown options are errors, so refuse such values.
    /// </summary>
    public static void RejectOptionLikeValues(Argument<string?> argument)
    {
        argument.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (token.Value.StartsWith('-'))
                {
                    result.AddError($"Unrecognized option '{token.Value}'.");
                }
            }
        });
    }
}
