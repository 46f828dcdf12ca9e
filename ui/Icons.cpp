// See Icons.h. Q_INIT_RESOURCE must be called outside any namespace.
#include "Icons.h"

#include <QApplication>
#include <QHash>
#include <QImageReader>
#include <QStyle>

static void initClipwrightResources()
{
    Q_INIT_RESOURCE(clipwright);
}

namespace cw {

namespace {

QStyle::StandardPixmap fallbackFor(const QString& name)
{
    static const QHash<QString, QStyle::StandardPixmap> map = {
        {QStringLiteral("clipwright"), QStyle::SP_MediaPlay},
        {QStringLiteral("add"), QStyle::SP_FileDialogNewFolder},
        {QStringLiteral("send"), QStyle::SP_ArrowRight},
        {QStringLiteral("stop"), QStyle::SP_MediaStop},
        {QStringLiteral("export"), QStyle::SP_DialogSaveButton},
        {QStringLiteral("undo"), QStyle::SP_ArrowBack},
        {QStringLiteral("redo"), QStyle::SP_ArrowForward},
        {QStringLiteral("track-video"), QStyle::SP_MediaPlay},
        {QStringLiteral("track-audio"), QStyle::SP_MediaVolume},
        {QStringLiteral("track-text"), QStyle::SP_FileDialogDetailedView},
    };
    return map.value(name, QStyle::SP_FileIcon);
}

bool svgSupported()
{
    static const bool supported = QImageReader::supportedImageFormats().contains("svg");
    return supported;
}

} // namespace

QIcon icon(const QString& name)
{
    static bool initialised = false;
    if (!initialised) {
        initClipwrightResources();
        initialised = true;
    }
    if (svgSupported()) {
        QIcon svg(QStringLiteral(":/icons/") + name + QStringLiteral(".svg"));
        if (!svg.isNull())
            return svg;
    }
    return QApplication::style()->standardIcon(fallbackFor(name));
}

} // namespace cw
