// cleanSvg (SvgImage.h): an allow-list walk over the parse. Whatever could make librsvg load
// something is judged on the parsed value, after XML character references are decoded: every
// attribute named href in any namespace (so a prefix other than "xlink" changes nothing), and
// CSS anywhere (style attributes, <style>, presentation attributes such as fill) for url(),
// src() and @import. A backslash in CSS is refused too, since CSS escapes can spell "url".
// Elements outside the SVG namespace are editor metadata (Inkscape, RDF) and never drawn; they
// are left out without a word. A DOCTYPE that only names the SVG DTD (older Illustrator
// exports) is left out; one that declares anything is refused before a single entity is read.
#include "media/SvgImage.h"

#include <QRegularExpression>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>
#include <cmath>

namespace cw::engine {

namespace {

const QString kSvgNs = QStringLiteral("http://www.w3.org/2000/svg");
const QString kXIncludeNs = QStringLiteral("http://www.w3.org/2001/XInclude");
const QString kXmlNs = QStringLiteral("http://www.w3.org/XML/1998/namespace");

bool is(QStringView a, const char* b)
{
    return a.compare(QLatin1String(b), Qt::CaseInsensitive) == 0;
}

QString shortened(const QString& s)
{
    const QString t = s.simplified();
    return t.size() > 120 ? t.left(117) + QStringLiteral("...") : t;
}

bool safeHref(const QString& value)
{
    static const QRegularExpression data(
        QStringLiteral("^data:image/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=\\s]*$"),
        QRegularExpression::CaseInsensitiveOption);
    const QString v = value.trimmed();
    return v.startsWith(QLatin1Char('#')) || data.match(v).hasMatch();
}

// A link worth naming to the user: not an embedded picture of another type.
QString outside(const QString& href)
{
    return href.trimmed().startsWith(QLatin1String("data:"), Qt::CaseInsensitive) ? QString()
                                                                                  : href;
}

// The targets of url()/src() that leave the document and of @import; empty when none.
QStringList cssLinksOut(const QString& css)
{
    QStringList out;
    for (const QLatin1String fn : {QLatin1String("url("), QLatin1String("src(")})
        for (qsizetype i = css.indexOf(fn, 0, Qt::CaseInsensitive); i >= 0;
             i = css.indexOf(fn, i + 1, Qt::CaseInsensitive)) {
            qsizetype j = i + fn.size();
            while (j < css.size() && (css.at(j).isSpace() || css.at(j) == QLatin1Char('"') ||
                                      css.at(j) == QLatin1Char('\'')))
                ++j;
            if (j < css.size() && css.at(j) == QLatin1Char('#'))
                continue;
            const qsizetype end = css.indexOf(QLatin1Char(')'), j);
            QString target = css.mid(j, end < 0 ? -1 : end - j);
            target.remove(QLatin1Char('"')).remove(QLatin1Char('\''));
            out << shortened(target);
        }
    for (qsizetype i = css.indexOf(QLatin1String("@import"), 0, Qt::CaseInsensitive); i >= 0;
         i = css.indexOf(QLatin1String("@import"), i + 1, Qt::CaseInsensitive)) {
        const qsizetype end = css.indexOf(QLatin1Char(';'), i);
        QString target = css.mid(i + 7, end < 0 ? -1 : end - i - 7);
        target.remove(QStringLiteral("url("), Qt::CaseInsensitive)
            .remove(QLatin1Char(')'))
            .remove(QLatin1Char('"'))
            .remove(QLatin1Char('\''));
        if (!out.contains(shortened(target)))
            out << shortened(target);
    }
    return out;
}

bool cssUnsafe(const QString& css, bool styleContext, QStringList* targets)
{
    const QStringList links = cssLinksOut(css);
    *targets << links;
    const bool escaped =
        css.contains(QLatin1Char('\\')) && (styleContext || css.contains(QLatin1Char('(')));
    return !links.isEmpty() || escaped;
}

// An SVG length in px (CSS's 96 per inch); -1 for a percentage, a missing or a bad value.
double lengthPx(const QString& v)
{
    static const QRegularExpression rx(
        QStringLiteral("^\\s*(\\+?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?)\\s*(px|pt|pc|mm|cm|"
                       "in|em|ex)?\\s*$"));
    const QRegularExpressionMatch m = rx.match(v);
    if (!m.hasMatch())
        return -1;
    static const QHash<QString, double> perUnit{{QString(), 1},
                                                {QStringLiteral("px"), 1},
                                                {QStringLiteral("pt"), 96.0 / 72},
                                                {QStringLiteral("pc"), 16},
                                                {QStringLiteral("mm"), 96 / 25.4},
                                                {QStringLiteral("cm"), 96 / 2.54},
                                                {QStringLiteral("in"), 96},
                                                {QStringLiteral("em"), 16},
                                                {QStringLiteral("ex"), 8}};
    const double px = m.captured(1).toDouble() * perUnit.value(m.captured(2));
    return std::isfinite(px) && px > 0 && px < 1e7 ? px : -1;
}

bool viewBoxSize(const QString& v, double* w, double* h)
{
    static const QRegularExpression sep(QStringLiteral("[\\s,]+"));
    const QStringList parts = v.trimmed().split(sep, Qt::SkipEmptyParts);
    bool okW = false;
    bool okH = false;
    if (parts.size() == 4) {
        *w = parts.at(2).toDouble(&okW);
        *h = parts.at(3).toDouble(&okH);
    }
    return okW && okH && *w > 0 && *h > 0 && *w < 1e7 && *h < 1e7;
}

// The size the drawing gives itself: width and height, or what the viewBox lends them.
void intrinsicSize(const QXmlStreamAttributes& a, SvgCleanResult* r)
{
    double w = lengthPx(a.value(QLatin1String("width")).toString());
    double h = lengthPx(a.value(QLatin1String("height")).toString());
    double vw = 0;
    double vh = 0;
    if (viewBoxSize(a.value(QLatin1String("viewBox")).toString(), &vw, &vh)) {
        if (w > 0 && h <= 0)
            h = w * vh / vw;
        else if (h > 0 && w <= 0)
            w = h * vw / vh;
        else if (w <= 0 && h <= 0) {
            w = vw;
            h = vh;
        }
    }
    if (w > 0 && h > 0) {
        r->width = w;
        r->height = h;
    }
}

struct Walk {
    QXmlStreamReader& in;
    QXmlStreamWriter& out;
    SvgCleanResult& r;
    int longSide;

    void drop(const QString& what, const QString& link = {})
    {
        r.dropped << what;
        if (!link.isEmpty())
            r.externalRefs << shortened(link);
    }

    // Copies the element's namespace declarations and the attributes that stay.
    void writeAttributes(bool root)
    {
        for (const QXmlStreamNamespaceDeclaration& ns : in.namespaceDeclarations())
            out.writeAttribute(ns.prefix().isEmpty() ? QStringLiteral("xmlns")
                                                     : QStringLiteral("xmlns:") + ns.prefix(),
                               ns.namespaceUri().toString());
        const QXmlStreamAttributes attributes = in.attributes();
        for (const QXmlStreamAttribute& a : attributes) {
            const QString value = a.value().toString();
            const QStringView name = a.name();
            QStringList targets;
            if (name.startsWith(QLatin1String("on"), Qt::CaseInsensitive))
                drop(name.toString());
            else if (is(name, "href")) {
                if (safeHref(value))
                    out.writeAttribute(a.qualifiedName().toString(), value);
                else
                    drop(a.qualifiedName().toString(), outside(value));
            } else if (a.namespaceUri() == kXmlNs && is(name, "base"))
                continue;
            else if (cssUnsafe(value, a.namespaceUri().isEmpty() && is(name, "style"), &targets)) {
                drop(a.qualifiedName().toString());
                r.externalRefs << targets;
            } else if (root && longSide > 0 && a.namespaceUri().isEmpty() &&
                       (name == QLatin1String("width") || name == QLatin1String("height")))
                continue;
            else
                out.writeAttribute(a.qualifiedName().toString(), value);
        }
        if (root && longSide > 0) {
            const double scale = longSide / std::max(r.width, r.height);
            out.writeAttribute(QStringLiteral("width"),
                               QString::number(std::max(1L, std::lround(r.width * scale))));
            out.writeAttribute(QStringLiteral("height"),
                               QString::number(std::max(1L, std::lround(r.height * scale))));
            if (!attributes.hasAttribute(QLatin1String("viewBox")))
                out.writeAttribute(QStringLiteral("viewBox"),
                                   QStringLiteral("0 0 %1 %2")
                                       .arg(QString::number(r.width, 'g', 10),
                                            QString::number(r.height, 'g', 10)));
        }
    }

    // One start element; false when it and its subtree are left out.
    bool element(bool root)
    {
        const QString local = in.name().toString();
        const QStringView ns = in.namespaceUri();
        const QString href = [this] {
            for (const QXmlStreamAttribute& a : in.attributes())
                if (is(a.name(), "href"))
                    return a.value().toString();
            return QString();
        }();
        if (ns == kXIncludeNs) {
            drop(QStringLiteral("<%1>").arg(in.qualifiedName()), href);
            return false;
        }
        if (!ns.isEmpty() && ns != kSvgNs && !root)
            return false;
        static const QStringList unsafe{
            QStringLiteral("script"),        QStringLiteral("foreignObject"),
            QStringLiteral("animate"),       QStringLiteral("set"),
            QStringLiteral("animateMotion"), QStringLiteral("animateTransform"),
            QStringLiteral("animateColor"),  QStringLiteral("discard")};
        if (unsafe.contains(local, Qt::CaseInsensitive)) {
            drop(QStringLiteral("<%1>").arg(local));
            return false;
        }
        if ((is(local, "image") || is(local, "feImage")) && !href.isEmpty() && !safeHref(href)) {
            drop(QStringLiteral("<%1 href=\"%2\">").arg(local, shortened(href)), outside(href));
            return false;
        }
        if (is(local, "style")) {
            const QXmlStreamAttributes attributes = in.attributes();
            const QXmlStreamNamespaceDeclarations decls = in.namespaceDeclarations();
            const QString qualified = in.qualifiedName().toString();
            const QString css = in.readElementText(QXmlStreamReader::IncludeChildElements);
            QStringList targets;
            if (cssUnsafe(css, true, &targets)) {
                drop(QStringLiteral("<style>"));
                r.externalRefs << targets;
                return false;
            }
            out.writeStartElement(qualified);
            for (const QXmlStreamNamespaceDeclaration& d : decls)
                out.writeAttribute(d.prefix().isEmpty() ? QStringLiteral("xmlns")
                                                        : QStringLiteral("xmlns:") + d.prefix(),
                                   d.namespaceUri().toString());
            for (const QXmlStreamAttribute& a : attributes)
                if (!a.name().startsWith(QLatin1String("on"), Qt::CaseInsensitive))
                    out.writeAttribute(a.qualifiedName().toString(), a.value().toString());
            out.writeCharacters(css);
            out.writeEndElement();
            return false; // already read to its end
        }
        out.writeStartElement(in.qualifiedName().toString());
        writeAttributes(root);
        return true;
    }
};

SvgCleanResult refused(SvgRefusal why, const QString& message)
{
    SvgCleanResult r;
    r.refusal = why;
    r.error = message;
    return r;
}

} // namespace

SvgCleanResult cleanSvg(const QByteArray& svg, int longSide)
{
    if (svg.size() > kSvgMaxBytes)
        return refused(SvgRefusal::TooLarge,
                       QStringLiteral("is over %1 MB, more than a logo needs; simplify it or "
                                      "export it as a PNG")
                           .arg(kSvgMaxBytes / 1048576));
    SvgCleanResult r;
    QXmlStreamReader in(svg);
    QXmlStreamWriter out(&r.svg);
    Walk walk{in, out, r, longSide};
    out.writeStartDocument();
    int depth = 0;
    int elements = 0;
    bool rootSeen = false;
    while (!in.atEnd()) {
        switch (in.readNext()) {
        case QXmlStreamReader::EntityReference:
            return refused(
                SvgRefusal::Malformed,
                QStringLiteral("uses an entity (&%1;) that is not XML's own").arg(in.name()));
        case QXmlStreamReader::DTD:
            if (in.text().contains(QLatin1Char('[')) || !in.entityDeclarations().isEmpty())
                return refused(SvgRefusal::Doctype,
                               QStringLiteral("declares entities (a DOCTYPE with declarations), "
                                              "which could make it read other files; export it "
                                              "again without a DOCTYPE"));
            break;
        case QXmlStreamReader::ProcessingInstruction: {
            static const QRegularExpression href(QStringLiteral("href\\s*=\\s*[\"']([^\"']*)"));
            walk.drop(QStringLiteral("<?%1?>").arg(in.processingInstructionTarget()),
                      href.match(in.processingInstructionData()).captured(1));
            break;
        }
        case QXmlStreamReader::StartElement: {
            const bool root = !rootSeen;
            if (root) {
                rootSeen = true;
                const QStringView ns = in.namespaceUri();
                if (in.name() != QLatin1String("svg") || !(ns.isEmpty() || ns == kSvgNs))
                    return refused(SvgRefusal::NotSvg,
                                   QStringLiteral("is XML but not an SVG drawing"));
                intrinsicSize(in.attributes(), &r);
                if (longSide > 0 && r.width <= 0)
                    return refused(SvgRefusal::NoSize,
                                   QStringLiteral("gives itself no size (no width and height or "
                                                  "viewBox); export it again with a size"));
            }
            if (++elements > kSvgMaxElements)
                return refused(SvgRefusal::TooManyElements,
                               QStringLiteral("has more than %1 elements").arg(kSvgMaxElements));
            if (depth + 1 > kSvgMaxDepth)
                return refused(
                    SvgRefusal::TooDeep,
                    QStringLiteral("nests elements more than %1 deep").arg(kSvgMaxDepth));
            if (walk.element(root))
                ++depth;
            else if (in.tokenType() == QXmlStreamReader::StartElement)
                in.skipCurrentElement();
            break;
        }
        case QXmlStreamReader::EndElement:
            out.writeEndElement();
            --depth;
            break;
        case QXmlStreamReader::Characters:
            if (rootSeen)
                out.writeCharacters(in.text().toString());
            break;
        default: // the XML declaration, comments
            break;
        }
    }
    if (in.hasError())
        return refused(SvgRefusal::Malformed, QStringLiteral("is not well-formed XML (line %1: %2)")
                                                  .arg(in.lineNumber())
                                                  .arg(in.errorString()));
    out.writeEndDocument();
    r.externalRefs.removeDuplicates();
    r.ok = true;
    return r;
}

} // namespace cw::engine
