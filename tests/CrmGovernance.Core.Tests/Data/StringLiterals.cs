using System.Reflection.Emit;
using System.Reflection;

namespace CrmGovernance.Core.Tests.Data;

/// <summary>
/// The string literals (ldstr) in every method body of an assembly, with the type that declares them: compiler-made
/// types (lambdas, async state machines) count as the type they were written in. Comments never reach the assembly.
/// </summary>
internal static class StringLiterals
{
    private const BindingFlags Everything = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<short, OpCode> s_opCodes = typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!).ToDictionary(o => o.Value);

    public static IEnumerable<(Type Owner, string Text)> In(Assembly assembly)
    {
        foreach (var type in assembly.GetTypes())
        {
            var owner = type;
            while (owner.DeclaringType is { } outer && owner.Name.Contains('<', StringComparison.Ordinal))
            {
                owner = outer;
            }
            var methods = type.GetMethods(Everything).Cast<MethodBase>().Concat(type.GetConstructors(Everything));
            foreach (var method in methods)
            {
                foreach (var text in Of(method))
                {
                    yield return (owner, text);
                }
            }
        }
    }

    private static IEnumerable<string> Of(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }
        var at = 0;
        while (at < il.Length)
        {
            var value = (short)il[at++];
            if (value == 0xFE)
            {
                value = (short)(0xFE00 | il[at++]);
            }
            var code = s_opCodes[value];
            if (code == OpCodes.Ldstr)
            {
                yield return method.Module.ResolveString(BitConverter.ToInt32(il, at));
            }
            at += OperandSize(code, il, at);
        }
    }

    private static int OperandSize(OpCode code, byte[] il, int at) => code.OperandType switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + 4 * BitConverter.ToInt32(il, at),
        _ => 4,
    };
}
