// See PreviewPane.h. This part keeps the current edit on screen: the still at the playhead
// right after a change, the playable render after the debounce, and the banner between.
#include "PreviewPane.h"

#include "PreviewPlayer.h"

#include <QComboBox>
#include <QLabel>

namespace cw {

namespace {

constexpr int kStillPatienceMs = 2000; // an unanswered still no longer holds the next back

} // namespace

bool PreviewPane::hasCurrentEditFile() const
{
    return playsWindow() ||
           (!m_editStale && !m_editFile.isEmpty() &&
            m_player->source() == QUrl::fromLocalFile(m_editFile) && m_player->hasSource());
}

bool PreviewPane::playsWindow() const
{
    return !m_windowFile.isEmpty() && m_player->hasSource() &&
           m_player->source() == QUrl::fromLocalFile(m_windowFile);
}

bool PreviewPane::windowCovers(qint64 ms) const
{
    return !m_windowFile.isEmpty() && ms >= m_windowFrom && ms < m_windowTo;
}

bool PreviewPane::windowEndsBeforeEdit() const
{
    return isShowingEdit() && playsWindow() && m_windowTo < m_editDuration;
}

void PreviewPane::loadWindow(qint64 at, bool play)
{
    m_title->setText(tr("Version %1").arg(m_editVersion));
    m_player->load(QUrl::fromLocalFile(m_windowFile), at, play, m_windowFrom);
    updateControls();
}

void PreviewPane::showCurrentEdit()
{
    const bool switched = !isShowingEdit();
    setMode(Mode::Edit);
    m_title->clear();
    if (m_editDuration == 0) {
        m_player->unload();
    } else if (!m_editStale && !m_editFile.isEmpty()) {
        m_title->setText(tr("Version %1").arg(m_editVersion));
        if (m_player->source() != QUrl::fromLocalFile(m_editFile))
            m_player->load(QUrl::fromLocalFile(m_editFile), m_editAt, false);
    } else if (windowCovers(m_editAt)) {
        if (!playsWindow())
            loadWindow(m_editAt, false);
    } else {
        if (switched || m_player->source() != QUrl::fromLocalFile(m_editFile))
            m_player->unload(); // a source clip, or an old render: the still stands in
        requestStill(m_editAt);
        if (!m_editRequested)
            requestEditPreview();
    }
    updateBanner();
    updateControls();
    updateTime(m_editAt);
}

void PreviewPane::setEditDuration(qint64 ms)
{
    const qint64 before = m_editDuration;
    m_editDuration = std::max<qint64>(-1, ms);
    if (m_editDuration > 0 && m_editAt > m_editDuration) {
        m_editAt = m_editDuration;
        if (isShowingEdit())
            Q_EMIT positionChanged(m_editAt);
    }
    if ((before == 0) != (m_editDuration == 0) && isShowingEdit()) {
        if (m_editDuration == 0) {
            m_player->unload();
            m_canvas->clear();
        }
        updatePlaceholder();
    }
    updateControls();
    if (isShowingEdit())
        updateTime(m_editAt);
}

void PreviewPane::setEditStale()
{
    m_editStale = true;
    m_editError.clear();
    m_windowFile.clear();
    if (!isShowingEdit())
        return;
    if (m_editDuration == 0) {
        updateBanner();
        return;
    }
    // The old render stops where it is; the new edit's still takes its place, and playback
    // resumes on the new render.
    if (isPlaying())
        m_playWhenReady = true;
    m_player->pause();
    requestStill(m_editAt);
    m_debounce.start();
    updateBanner();
    updateControls();
}

void PreviewPane::requestStill(qint64 atMs)
{
    if (m_stillInFlight && m_stillAsked.elapsed() < kStillPatienceMs) {
        m_stillNext = atMs;
        return;
    }
    m_stillInFlight = true;
    m_stillNext = -1;
    m_stillAsked.start();
    Q_EMIT editFrameRequested(atMs);
}

void PreviewPane::setEditFrame(const QByteArray& jpeg, qint64 atMs, int draftVersion)
{
    Q_UNUSED(draftVersion)
    m_stillInFlight = false;
    // Asked again while this one was out (a seek, or a newer draft at the same time): ask
    // for the newest once more.
    const qint64 next = std::exchange(m_stillNext, -1);
    if (next >= 0 && isShowingEdit() && !hasCurrentEditFile())
        requestStill(next);
    renderAfterStill();
    if (!isShowingEdit() || m_editDuration == 0)
        return;
    // Once the current render shows its own frames, a late still has nothing to add.
    if (hasCurrentEditFile() && m_canvas->picture() == ViewerCanvas::Picture::Video)
        return;
    const QImage image = QImage::fromData(jpeg, "JPEG");
    if (image.isNull())
        return;
    m_canvas->setStill(image, atMs);
}

void PreviewPane::setEditFrameFailed(const QString& message)
{
    Q_UNUSED(message) // the render follows; its failure is the one worth showing
    m_stillInFlight = false;
    const qint64 next = std::exchange(m_stillNext, -1);
    if (next >= 0 && isShowingEdit() && !hasCurrentEditFile())
        requestStill(next);
    renderAfterStill();
}

void PreviewPane::renderAfterStill()
{
    if (std::exchange(m_renderAfterStill, false) && isShowingEdit() && m_editStale &&
        m_editDuration != 0 && !m_debounce.isActive())
        requestEditPreview();
}

void PreviewPane::requestEditPreview()
{
    m_debounce.stop();
    m_renderAfterStill = false;
    m_editRequested = true;
    m_editProgress = 0;
    m_editError.clear();
    updateBanner();
    Q_EMIT editPreviewRequested(m_editAt);
}

void PreviewPane::setEditPreview(const QString& localPath, int draftVersion)
{
    // Playing the window: the whole goes on from the same place.
    const bool playing = playsWindow() && isPlaying();
    m_windowFile.clear();
    m_editRequested = false;
    m_editFile = localPath;
    m_editVersion = draftVersion;
    if (!m_debounce.isActive())
        m_editStale = false;
    if (!isShowingEdit())
        return;
    updateBanner();
    if (m_editStale || localPath.isEmpty())
        return; // another change is on its way: its render replaces this one
    m_title->setText(tr("Version %1").arg(draftVersion));
    m_player->load(QUrl::fromLocalFile(localPath), m_editAt,
                   std::exchange(m_playWhenReady, false) || playing);
    updateControls();
}

void PreviewPane::setEditPreviewWindow(const QString& localPath, qint64 fromMs, qint64 toMs,
                                       int draftVersion)
{
    // Only for the render asked for last, and only while no newer change is waiting.
    if (!m_editRequested || m_debounce.isActive() || localPath.isEmpty() || toMs <= fromMs)
        return;
    m_windowFile = localPath;
    m_windowFrom = fromMs;
    m_windowTo = toMs;
    m_editVersion = draftVersion;
    if (isShowingEdit() && windowCovers(m_editAt))
        loadWindow(m_editAt, std::exchange(m_playWhenReady, false));
}

void PreviewPane::setEditProgress(int percent)
{
    m_editProgress = std::clamp(percent, 0, 100);
    if (m_editRequested && isShowingEdit())
        updateBanner();
}

void PreviewPane::setEditFailed(const QString& message)
{
    m_editRequested = false;
    m_playWhenReady = false;
    m_editError = message;
    updateBanner();
    updateControls();
}

void PreviewPane::updatePlaceholder()
{
    if (!isShowingEdit())
        m_canvas->setPlaceholderText(tr("Select a clip to preview it"));
    else if (m_editDuration == 0)
        m_canvas->setPlaceholderText(
            tr("Drop video clips anywhere on this window, then tell me in the chat what to make. "
               "Your edit plays here."));
    else
        m_canvas->setPlaceholderText(tr("The preview of your edit appears here"));
}

void PreviewPane::updateBanner()
{
    QString text;
    if (isShowingEdit() && m_editDuration != 0) {
        if (!m_editError.isEmpty())
            text = tr("No preview: %1").arg(m_editError);
        else if (m_editRequested)
            text = tr("Updating… %1%").arg(m_editProgress);
        else if (m_editStale)
            text = tr("Updating…");
    }
    m_banner->setText(text);
    m_banner->setVisible(!text.isEmpty());
}

QString PreviewPane::bannerText() const
{
    return m_banner->isHidden() ? QString() : m_banner->text();
}

} // namespace cw
