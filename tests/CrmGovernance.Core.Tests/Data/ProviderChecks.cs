using System.Reflection;
using System.Reflection.Emit;
using CrmGovernance.Core.Data;

namespace CrmGovernance.Core.Tests.Data;

/// <summary>
/// Where code decides by the engine: a <see cref="DatabaseProvider"/> value (a property, field or parameter) that is
/// compared or switched on within the next few instructions, read from the IL of every method. Passing the value on (to
/// <c>PortalDialects.For</c>) is not a check. Compiler-made types count as the type they were written in.
/// </summary>
internal static class ProviderChecks
{
    private const BindingFlags Everything = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    // How far after the read a comparison still belongs to it (a switch stores the value in a local, then loads it).
    private const int Window = 5;

    private static readonly Dictionary<short, OpCode> s_opCodes = typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!).ToDictionary(o => o.Value);

    private static readonly HashSet<OpCode> s_decisions =
    [
        OpCodes.Beq, OpCodes.Beq_S, OpCodes.Bne_Un, OpCodes.Bne_Un_S, OpCodes.Brtrue, OpCodes.Brtrue_S, OpCodes.Brfalse, OpCodes.Brfalse_S,
        OpCodes.Bgt, OpCodes.Bgt_S, OpCodes.Bge, OpCodes.Bge_S, OpCodes.Blt, OpCodes.Blt_S, OpCodes.Ble, OpCodes.Ble_S,
        OpCodes.Bgt_Un, OpCodes.Bgt_Un_S, OpCodes.Bge_Un, OpCodes.Bge_Un_S, OpCodes.Blt_Un, OpCodes.Blt_Un_S, OpCodes.Ble_Un, OpCodes.Ble_Un_S,
        OpCodes.Ceq, OpCodes.Cgt, OpCodes.Cgt_Un, OpCodes.Clt, OpCodes.Clt_Un, OpCodes.Switch,
    ];

    private static readonly HashSet<OpCode> s_calls = [OpCodes.Call, OpCodes.Callvirt, OpCodes.Newobj, OpCodes.Ret];

    /// <summary>The types (by where they were written) with at least one method that decides by the engine.</summary>
    public static IEnumerable<Type> In(Assembly assembly) =>
        assembly.GetTypes()
            .Where(t => t.GetMethods(Everything).Cast<MethodBase>().Concat(t.GetConstructors(Everything)).Any(Decides))
            .Select(Owner)
            .Distinct();

    private static Type Owner(Type type)
    {
        while (type.DeclaringType is { } outer && type.Name.Contains('<', StringComparison.Ordinal))
        {
            type = outer;
        }
        return type;
    }

    private static bool Decides(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            return false;
        }
        var instructions = Read(il).ToList();
        for (var i = 0; i < instructions.Count; i++)
        {
            if (!ReadsProvider(method, instructions[i]))
            {
                continue;
            }
            foreach (var (code, _) in instructions.Skip(i + 1).Take(Window))
            {
                if (s_decisions.Contains(code))
                {
                    return true;
                }
                if (s_calls.Contains(code))
                {
                    break;
                }
            }
        }
        return false;
    }

    private static bool ReadsProvider(MethodBase method, (OpCode Code, int Operand) instruction)
    {
        var (code, operand) = instruction;
        try
        {
            if (code == OpCodes.Call || code == OpCodes.Callvirt)
            {
                return method.Module.ResolveMethod(operand, Generics(method.DeclaringType), Generics(method)) is MethodInfo m
                    && m.ReturnType == typeof(DatabaseProvider);
            }
            if (code == OpCodes.Ldfld || code == OpCodes.Ldsfld)
            {
                return method.Module.ResolveField(operand, Generics(method.DeclaringType), Generics(method))?.FieldType == typeof(DatabaseProvider);
            }
        }
        catch (ArgumentException)
        {
            return false; // a member of a generic context this walk cannot resolve: not a DatabaseProvider read
        }
        var argument = code == OpCodes.Ldarg_0 ? 0 : code == OpCodes.Ldarg_1 ? 1 : code == OpCodes.Ldarg_2 ? 2 : code == OpCodes.Ldarg_3 ? 3
            : code == OpCodes.Ldarg_S || code == OpCodes.Ldarg ? operand : -1;
        if (argument < 0)
        {
            return false;
        }
        var index = method.IsStatic ? argument : argument - 1;
        var parameters = method.GetParameters();
        return index >= 0 && index < parameters.Length && parameters[index].ParameterType == typeof(DatabaseProvider);
    }

    private static Type[]? Generics(Type? type) => type is { IsGenericType: true } ? type.GetGenericArguments() : null;

    private static Type[]? Generics(MethodBase method) => method.IsGenericMethod ? method.GetGenericArguments() : null;

    private static IEnumerable<(OpCode Code, int Operand)> Read(byte[] il)
    {
        var at = 0;
        while (at < il.Length)
        {
            var value = (short)il[at++];
            if (value == 0xFE)
            {
                value = (short)(0xFE00 | il[at++]);
            }
            var code = s_opCodes[value];
            var size = OperandSize(code, il, at);
            var operand = size switch
            {
                1 => il[at],
                2 => BitConverter.ToInt16(il, at),
                4 => BitConverter.ToInt32(il, at),
                _ => 0,
            };
            yield return (code, operand);
            at += size;
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
