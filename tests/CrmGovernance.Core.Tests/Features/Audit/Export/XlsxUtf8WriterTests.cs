using System.Text;
using System.Xml;
using CrmGovernance.Core.Features.Audit.Export;

namespace CrmGovernance.Core.Tests.Features.Audit.Export;

public sealed class XlsxUtf8WriterTests
{
    /// <summary>XML parsing, then the format's one-pass _xHHHH_ decoding (XmlConvert.DecodeName), as Excel reads a cell.</summary>
    [Fact]
    public void Every_hostile_value_reads_back_exactly_through_an_XML_parser_and_the_formats_escape_decoding()
    {
        foreach (var value in HostileValues.All.Append("_x005F_ and _x_x0030_ and __x1234_ and _xabcd_ and _X00e9_"))
        {
            using var buffer = new MemoryStream();
            using (var writer = new XlsxUtf8Writer(buffer))
            {
                writer.Raw("<t xml:space=\"preserve\">"u8);
                writer.Text(value);
                writer.Raw("</t>"u8);
            }
            using var reader = XmlReader.Create(new MemoryStream(buffer.ToArray()));
            reader.MoveToContent();
            var text = reader.ReadElementContentAsString();

            Assert.Equal(value, XmlConvert.DecodeName(text));
        }
    }

    [Fact]
    public void Text_longer_than_the_buffer_is_written_whole_without_splitting_a_character()
    {
        var value = string.Concat(Enumerable.Repeat("😀漢", 40_000));
        using var buffer = new MemoryStream();
        using (var writer = new XlsxUtf8Writer(buffer))
        {
            writer.Text(value);
        }

        Assert.Equal(value, Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
