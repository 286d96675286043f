using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Configuration.Workbook;
using CsCheck;

namespace CrmGovernance.Core.Tests.Features.Configuration.Workbook;

public sealed class TransformArgumentTextTests
{
    [Fact]
    public void Date_formats_and_a_value_map_read_as_plain_text()
    {
        var parse = Transform.Of(TransformKind.ParseDate, ("formats", "dd/MM/yyyy|MM/dd/yyyy"), ("default", "other"));
        var map = Transform.Of(TransformKind.ValueMap, ("default", "other"));
        map.Map["paid"] = "paid";
        map.Map["refunded"] = "refunded";

        Assert.Equal("default=other; formats=dd/MM/yyyy|MM/dd/yyyy", TransformArgumentText.Format(parse));
        Assert.Equal("map: paid=>paid, refunded=>refunded; default=other", TransformArgumentText.Format(map));
    }

    [Fact]
    public void Values_that_would_be_misread_are_quoted()
    {
        var concatenate = Transform.Of(TransformKind.Concatenate, ("separator", ", "));
        var constant = Transform.Of(TransformKind.Constant, ("value", "=HYPERLINK(\"x\")"));

        Assert.Equal("separator=\", \"", TransformArgumentText.Format(concatenate));
        Assert.Equal("value=\"=HYPERLINK(\\\"x\\\")\"", TransformArgumentText.Format(constant));
    }

    [Fact]
    public void Spaces_around_separators_are_ignored_when_reading()
    {
        var (args, map, error) = TransformArgumentText.Parse("  map : a => b ,c=>d ;  default = x y ; ");

        Assert.Null(error);
        Assert.Equal("x y", args["default"]);
        Assert.Equal(new Dictionary<string, string> { ["a"] = "b", ["c"] = "d" }, map);
    }

    [Theory]
    [InlineData("value=\"abc", "not closed")]
    [InlineData("formats", "formats=value")]
    [InlineData("map: paid", "from=>to")]
    [InlineData("value=a; value=b", "given twice")]
    [InlineData("value=\"a\" b", "after a closing quote")]
    [InlineData("=a", "argument name")]
    public void Unreadable_text_says_what_is_wrong(string text, string expected)
    {
        var (_, _, error) = TransformArgumentText.Parse(text);

        Assert.NotNull(error);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Whatever_is_written_reads_back_the_same()
    {
        var text = Gen.OneOf(Gen.String, Gen.String["=;,\"\\ \t\r\n_x000D>ab"], Gen.Const("_x000D_"), Gen.Const(""));
        var name = Gen.String["abcdefxyz_019"].Where(n => n.Length > 0 && !string.Equals(n, "map", StringComparison.OrdinalIgnoreCase));
        Gen.Select(Gen.Select(name, text).Array[0, 4], Gen.Select(text, text).Array[0, 4]).Sample((args, map) =>
        {
            var transform = new Transform { Kind = TransformKind.ValueMap };
            foreach (var (k, v) in args)
            {
                transform.Args[k] = v;
            }
            foreach (var (k, v) in map)
            {
                transform.Map[k] = v;
            }

            var (readArgs, readMap, error) = TransformArgumentText.Parse(TransformArgumentText.Format(transform));

            Assert.Null(error);
            Assert.Equal(transform.Args, readArgs);
            Assert.Equal(transform.Map, readMap);
        });
    }
}
