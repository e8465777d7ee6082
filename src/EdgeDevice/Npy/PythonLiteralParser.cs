using System.Globalization;

namespace EdgeDevice.Npy;

/// <summary>
/// Parses the small Python literal a .npy header holds: a dict with string keys whose values
/// are strings, True/False, integers or tuples of integers. Nothing is evaluated.
/// </summary>
internal sealed class PythonLiteralParser(string text)
{
    private int _position;

    /// <summary>The dictionary; values are string, bool, long or long[].</summary>
    /// <exception cref="FormatException">The text is not such a dict; the message says where.</exception>
    public Dictionary<string, object> ParseDictionary()
    {
        var result = new Dictionary<string, object>(StringComparer.Ordinal);
        Expect('{');
        while (true)
        {
            SkipSpace();
            if (TryTake('}'))
            {
                break;
            }

            string key = ParseString();
            Expect(':');
            object value = ParseValue();
            if (!result.TryAdd(key, value))
            {
                throw Error($"key '{key}' appears twice");
            }

            SkipSpace();
            if (TryTake(','))
            {
                continue;
            }

            Expect('}');
            break;
        }

        SkipSpace();
        if (_position != text.Length)
        {
            throw Error("text follows the closing brace");
        }

        return result;
    }

    private object ParseValue()
    {
        SkipSpace();
        if (_position >= text.Length)
        {
            throw Error("a value is missing");
        }

        char c = text[_position];
        if (c is '\'' or '"')
        {
            return ParseString();
        }

        if (c == '(')
        {
            return ParseTuple();
        }

        if (TryWord("True"))
        {
            return true;
        }

        if (TryWord("False"))
        {
            return false;
        }

        return ParseInteger();
    }

    private long[] ParseTuple()
    {
        Expect('(');
        var items = new List<long>();
        while (true)
        {
            SkipSpace();
            if (TryTake(')'))
            {
                return [.. items];
            }

            items.Add(ParseInteger());
            SkipSpace();
            if (TryTake(','))
            {
                continue;
            }

            Expect(')');
            return [.. items];
        }
    }

    private long ParseInteger()
    {
        SkipSpace();
        int start = _position;
        while (_position < text.Length && (char.IsAsciiDigit(text[_position]) || (_position == start && text[_position] == '-')))
        {
            _position++;
        }

        if (!long.TryParse(text.AsSpan(start, _position - start), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value))
        {
            throw Error("an integer was expected");
        }

        // Python 2 wrote long integers with an L suffix.
        TryTake('L');
        return value;
    }

    private string ParseString()
    {
        SkipSpace();
        if (_position >= text.Length || text[_position] is not ('\'' or '"'))
        {
            throw Error("a quoted string was expected");
        }

        char quote = text[_position++];
        int end = text.IndexOf(quote, _position);
        if (end < 0)
        {
            throw Error("a string is not closed");
        }

        string value = text[_position..end];
        _position = end + 1;
        return value;
    }

    private void Expect(char c)
    {
        SkipSpace();
        if (!TryTake(c))
        {
            throw Error($"'{c}' was expected");
        }
    }

    private bool TryTake(char c)
    {
        if (_position < text.Length && text[_position] == c)
        {
            _position++;
            return true;
        }

        return false;
    }

    private bool TryWord(string word)
    {
        if (string.CompareOrdinal(text, _position, word, 0, word.Length) == 0)
        {
            _position += word.Length;
            return true;
        }

        return false;
    }

    private void SkipSpace()
    {
        while (_position < text.Length && char.IsWhiteSpace(text[_position]))
        {
            _position++;
        }
    }

    private FormatException Error(string problem) => new($"{problem} at character {_position + 1} of the header");
}
