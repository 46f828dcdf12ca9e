#include "edit/TextLook.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <algorithm>
#include <cmath>

namespace cw::engine {

namespace {

constexpr double kMinSize = 0.3;
constexpr double kMaxSize = 4.0;

QJsonObject colorTable()
{
    QFile f(QStringLiteral(":/agent/colors.json"));
    if (!f.open(QIODevice::ReadOnly)) {
        qWarning("engine: cannot open %s", qPrintable(f.fileName()));
        return {};
    }
    return QJsonDocument::fromJson(f.readAll()).object();
}

int toggle(const QJsonObject& args, const char* key)
{
    const QJsonValue v = args.value(QLatin1String(key));
    return v.isBool() ? int(v.toBool()) : -1;
}

} // namespace

bool TextLook::empty() const
{
    return color.isEmpty() && boxColor.isEmpty() && size <= 0 && sizePx <= 0 && bold < 0 &&
           box < 0 && outline < 0;
}

const QList<ColorWord>& textColorWords()
{
    static const QList<ColorWord> words = [] {
        QList<ColorWord> out;
        for (const QJsonValue& c : colorTable().value(QLatin1String("colors")).toArray()) {
            const QJsonObject o = c.toObject();
            const QString hex = o.value(QLatin1String("hex")).toString();
            for (const char* lang : {"en", "zh"})
                for (const QJsonValue& w : o.value(QLatin1String(lang)).toArray())
                    out << ColorWord{w.toString(), hex, lang[0] == 'z'};
        }
        std::stable_sort(out.begin(), out.end(), [](const ColorWord& a, const ColorWord& b) {
            return a.word.size() > b.word.size();
        });
        return out;
    }();
    return words;
}

QString textColorName(const QString& hex, bool zh)
{
    static const QJsonArray table = colorTable().value(QLatin1String("colors")).toArray();
    for (const QJsonValue& c : table) {
        const QJsonObject o = c.toObject();
        if (o.value(QLatin1String("hex")).toString() == hex)
            return o.value(QLatin1String(zh ? "zh" : "en")).toArray().first().toString();
    }
    return hex;
}

QString textColorHex(const QString& color)
{
    static const QRegularExpression hex(QStringLiteral("^(?:#|0x)([0-9a-f]{6}|[0-9a-f]{3})$"),
                                        QRegularExpression::CaseInsensitiveOption);
    const QString c = color.trimmed().toLower();
    if (const QRegularExpressionMatch m = hex.match(c); m.hasMatch()) {
        QString digits = m.captured(1);
        if (digits.size() == 3)
            digits = QString(digits[0]) + digits[0] + digits[1] + digits[1] + digits[2] + digits[2];
        return QLatin1Char('#') + digits;
    }
    for (const ColorWord& w : textColorWords())
        if (!w.zh && w.word == c)
            return w.hex;
    return QString();
}

TextLook textLookFromArgs(const QJsonObject& args)
{
    TextLook look;
    look.color = args.value(QLatin1String("color")).toString();
    look.boxColor = args.value(QLatin1String("box_color")).toString();
    look.size = args.value(QLatin1String("size")).toDouble(-1);
    look.sizePx = args.value(QLatin1String("size_px")).toInt(-1);
    look.bold = toggle(args, "bold");
    look.box = toggle(args, "box");
    look.outline = toggle(args, "outline");
    return look;
}

QString textLookProblem(const TextLook& look)
{
    for (const QString& c : {look.color, look.boxColor})
        if (!c.isEmpty() && textColorHex(c).isEmpty())
            return QStringLiteral("Unknown colour \"%1\" (use a name such as red, yellow or "
                                  "white, or #rrggbb).")
                .arg(c.left(40));
    if (look.size == 0 || look.size > 10 || (look.size < 0 && look.size != -1))
        return QStringLiteral("The size factor must be between 0.3 and 4.");
    if (look.sizePx == 0 || look.sizePx > 400)
        return QStringLiteral("The font size must be between 8 and 400 pixels.");
    return QString();
}

int styleTextPx(const QString& style, int base)
{
    if (style == QLatin1String("title"))
        return base / 12;
    if (style == QLatin1String("countdown"))
        return base / 5;
    if (style == QLatin1String("lower_third"))
        return base / 22;
    if (style == QLatin1String("watermark"))
        return base / 14;
    return base / 20;
}

void applyTextLook(QJsonObject& m, const TextLook& look, bool relative)
{
    if (!look.color.isEmpty())
        m.insert(QStringLiteral("color"), textColorHex(look.color));
    if (!look.boxColor.isEmpty()) {
        m.insert(QStringLiteral("box_color"), textColorHex(look.boxColor));
        m.insert(QStringLiteral("box"), true);
    }
    double size = m.value(QLatin1String("size")).toDouble(1);
    if (look.sizePx > 0)
        size = double(std::max(8, look.sizePx)) /
               styleTextPx(m.value(QLatin1String("style")).toString(), 1080);
    else if (look.size > 0)
        size = relative ? size * look.size : look.size;
    size = std::round(std::clamp(size, kMinSize, kMaxSize) * 100) / 100;
    if (size != 1.0)
        m.insert(QStringLiteral("size"), size);
    else
        m.remove(QStringLiteral("size"));
    if (look.bold >= 0)
        m.insert(QStringLiteral("bold"), look.bold == 1);
    if (look.box >= 0)
        m.insert(QStringLiteral("box"), look.box == 1);
    if (look.box == 0)
        m.remove(QStringLiteral("box_color"));
    if (look.outline >= 0)
        m.insert(QStringLiteral("outline"), look.outline == 1);
}

QJsonObject textLookDetails(const QJsonObject& m)
{
    QJsonObject out;
    for (const char* key : {"color", "box_color", "size", "bold", "box", "outline"})
        if (m.contains(QLatin1String(key)))
            out.insert(QLatin1String(key), m.value(QLatin1String(key)));
    return out;
}

} // namespace cw::engine
