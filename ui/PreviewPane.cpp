// See PreviewPane.h. This part builds the pane and runs the transport; PreviewPaneEdit.cpp
// keeps the current edit on screen (stills, renders, the banner).
#include "PreviewPane.h"

#include "PreviewPlayer.h"
#include "TimelineLayout.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QMediaPlayer>
#include <QSlider>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>
#include <cmath>

namespace cw {

namespace {

QToolButton* toolButton(QWidget* parent, const char* name, const QString& accessible,
                        QStyle::StandardPixmap pixmap)
{
    auto* b = new QToolButton(parent);
    b->setObjectName(QLatin1String(name));
    b->setAccessibleName(accessible);
    b->setToolTip(accessible);
    b->setIcon(parent->style()->standardIcon(pixmap));
    b->setFocusPolicy(Qt::NoFocus); // keys go to the pane (Space, arrows)
    b->setEnabled(false);
    return b;
}

} // namespace

PreviewPane::PreviewPane(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("previewPane"));
    setAccessibleName(tr("Preview"));
    setFocusPolicy(Qt::StrongFocus);
    m_player = new PreviewPlayer(this);

    m_modeBox = new QComboBox(this);
    m_modeBox->setObjectName(QStringLiteral("previewModeBox"));
    m_modeBox->setAccessibleName(tr("What the preview shows"));
    m_modeBox->addItem(tr("Source clip"));
    m_modeBox->addItem(tr("Current edit"));
    m_modeBox->setCurrentIndex(1);
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("previewTitle"));
    m_title->setTextFormat(Qt::PlainText);
    m_title->setForegroundRole(QPalette::PlaceholderText);

    m_canvas = new ViewerCanvas(this);

    m_banner = new QLabel(this);
    m_banner->setObjectName(QStringLiteral("previewBanner"));
    m_banner->setAccessibleName(tr("Preview status"));
    m_banner->setTextFormat(Qt::PlainText);
    m_banner->setAlignment(Qt::AlignCenter);
    m_banner->setAutoFillBackground(true);
    m_banner->setBackgroundRole(QPalette::Highlight);
    m_banner->setForegroundRole(QPalette::HighlightedText);
    QSizePolicy keep = m_banner->sizePolicy();
    keep.setRetainSizeWhenHidden(true); // the picture does not jump when it comes and goes
    m_banner->setSizePolicy(keep);
    m_banner->hide();

    m_back =
        toolButton(this, "previewStepBack", tr("Previous frame (,)"), QStyle::SP_MediaSeekBackward);
    m_play = toolButton(this, "previewPlayButton", tr("Play or pause the preview"),
                        QStyle::SP_MediaPlay);
    m_forward =
        toolButton(this, "previewStepForward", tr("Next frame (.)"), QStyle::SP_MediaSeekForward);
    m_slider = new QSlider(Qt::Horizontal, this);
    m_slider->setObjectName(QStringLiteral("previewSeekSlider"));
    m_slider->setAccessibleName(tr("Preview position"));
    m_slider->setFocusPolicy(Qt::NoFocus);
    m_slider->setEnabled(false);
    m_time = new QLabel(this);
    m_time->setObjectName(QStringLiteral("previewTimeLabel"));
    m_time->setAccessibleName(tr("Preview time"));
    m_time->setTextFormat(Qt::PlainText);

    auto* top = new QHBoxLayout;
    top->addWidget(m_modeBox);
    top->addWidget(m_title, 1);
    auto* controls = new QHBoxLayout;
    controls->addWidget(m_back);
    controls->addWidget(m_play);
    controls->addWidget(m_forward);
    controls->addWidget(m_slider, 1);
    controls->addWidget(m_time);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_canvas, 1);
    layout->addWidget(m_banner);
    layout->addLayout(controls);

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(150);
    connect(&m_debounce, &QTimer::timeout, this, [this] {
        if (!isShowingEdit() || !m_editStale || m_editDuration == 0)
            return;
        // On two cores the render would slow the still down: the still goes first.
        const qint64 waited = m_stillAsked.isValid() ? m_stillAsked.elapsed() : kStillFirstMs;
        if (m_stillInFlight && waited < kStillFirstMs) {
            m_renderAfterStill = true; // when the still is in, or when waiting is over
            QTimer::singleShot(int(kStillFirstMs - waited), this, [this] { renderAfterStill(); });
        } else
            requestEditPreview();
    });
    connect(m_modeBox, qOverload<int>(&QComboBox::activated), this, [this](int index) {
        if (index == 1) {
            showCurrentEdit();
        } else if (m_clip.isValid()) {
            setSource(m_clip);
        } else {
            m_player->unload();
            setMode(Mode::Source);
        }
    });
    connect(m_play, &QToolButton::clicked, this, &PreviewPane::togglePlay);
    connect(m_back, &QToolButton::clicked, this, [this] { stepFrames(-1); });
    connect(m_forward, &QToolButton::clicked, this, [this] { stepFrames(1); });
    connect(m_slider, &QSlider::sliderMoved, this, [this](int ms) { seek(ms); });

    connect(m_player, &PreviewPlayer::frameChanged, this, &PreviewPane::onFrame);
    connect(m_player, &PreviewPlayer::playingChanged, this, [this](bool playing) {
        m_canvas->setPlaying(playing);
        updateControls();
    });
    connect(m_player, &PreviewPlayer::positionChanged, this, [this](qint64 ms) {
        if (isShowingEdit())
            m_editAt = ms;
        updateTime(ms);
        Q_EMIT positionChanged(ms);
    });
    connect(m_player, &PreviewPlayer::durationChanged, this, [this] { updateTime(position()); });
    connect(m_player, &PreviewPlayer::loaded, this, &PreviewPane::updateControls);
    // The end of a window is not the end of the edit: go on once the whole is there.
    connect(m_player, &PreviewPlayer::finished, this, [this] {
        if (windowEndsBeforeEdit())
            m_playWhenReady = true;
        updateControls();
    });
    connect(m_player, &PreviewPlayer::errorOccurred, this, [this](const QString& message) {
        m_title->setText(tr("Cannot play: %1").arg(message));
        Q_EMIT playbackError(message);
    });
    updatePlaceholder();
    updateControls();
    updateTime(0);
}

QUrl PreviewPane::source() const
{
    return m_player->source();
}

QMediaPlayer* PreviewPane::player() const
{
    return m_player->player();
}

void PreviewPane::setMode(Mode mode)
{
    m_modeBox->setCurrentIndex(mode == Mode::Edit ? 1 : 0);
    if (m_mode == mode)
        return;
    m_mode = mode;
    m_canvas->clear();
    updatePlaceholder();
    updateBanner();
    Q_EMIT modeChanged(mode);
}

void PreviewPane::setSource(const QUrl& localFile, bool autoplay)
{
    if (!localFile.isValid() || localFile.isEmpty())
        return;
    m_clip = localFile;
    m_debounce.stop();
    m_playWhenReady = false;
    m_player->load(localFile, 0, autoplay);
    setMode(Mode::Source);
    m_canvas->clear();
    m_title->setText(localFile.fileName());
    updateControls();
}

void PreviewPane::onFrame(const QVideoFrame& frame)
{
    // An old render while the draft moved on would contradict the still of the new one.
    if (isShowingEdit() && !hasCurrentEditFile())
        return;
    m_canvas->setFrame(frame, m_player->offset());
}

bool PreviewPane::isPlaying() const
{
    return m_player->isPlaying();
}

qint64 PreviewPane::position() const
{
    if (isShowingEdit() && !hasCurrentEditFile())
        return m_editAt;
    return m_player->position();
}

double PreviewPane::frameRate() const
{
    return m_player->frameRate();
}

double PreviewPane::playbackRate() const
{
    return m_player->rate();
}

void PreviewPane::setFrameRate(double fps)
{
    m_player->setDefaultFrameRate(fps);
}

void PreviewPane::togglePlay()
{
    if (isPlaying() || m_playWhenReady)
        pause();
    else
        play();
}

void PreviewPane::play()
{
    if (windowEndsBeforeEdit() && m_player->position() >= m_windowTo - 40) {
        m_playWhenReady = true; // at the window's end: the whole render plays on from there
        updateControls();
        return;
    }
    if (isShowingEdit() && !hasCurrentEditFile()) {
        // Nothing current to play yet: play once the render arrives.
        if (m_editDuration == 0)
            return;
        m_playWhenReady = true;
        if (!m_editRequested)
            requestEditPreview();
        updateControls();
        return;
    }
    m_player->play();
}

void PreviewPane::pause()
{
    m_playWhenReady = false;
    m_player->pause();
    updateControls();
}

void PreviewPane::stop()
{
    m_playWhenReady = false;
    m_player->stop();
}

void PreviewPane::seek(qint64 ms)
{
    ms = std::max<qint64>(0, ms);
    if (isShowingEdit()) {
        if (m_editDuration > 0)
            ms = std::min(ms, m_editDuration);
        m_editAt = ms;
        if (playsWindow() && !windowCovers(ms)) {
            m_player->unload(); // outside the window: stills until the whole render is in
        } else if (windowCovers(ms) && !playsWindow()) {
            loadWindow(ms, false);
            updateTime(ms);
            Q_EMIT positionChanged(ms);
            return;
        }
        if (!hasCurrentEditFile()) {
            if (m_editDuration != 0)
                requestStill(ms);
            updateTime(ms);
            Q_EMIT positionChanged(ms);
            return;
        }
    }
    m_player->seek(ms);
    updateTime(ms);
}

void PreviewPane::stepFrames(int frames)
{
    if (frames == 0 || (!m_player->hasSource() && !(isShowingEdit() && m_editDuration != 0)))
        return;
    pause();
    const qint64 from = position();
    seek(from + qint64(std::lround(frames * 1000.0 / frameRate())));
}

void PreviewPane::shuttle(int direction)
{
    if (direction == 0) {
        pause();
        m_player->setRate(1);
    } else if (direction > 0) {
        if (isPlaying())
            m_player->setRate(std::min(4.0, m_player->rate() * 2));
        else {
            m_player->setRate(1);
            play();
        }
    } else if (isPlaying() && m_player->rate() > 1) {
        m_player->setRate(m_player->rate() / 2);
    } else {
        pause();
        seek(position() - 1000);
    }
    updateTime(position());
}

bool PreviewPane::transportKey(int key)
{
    switch (key) {
    case Qt::Key_Space:
        togglePlay();
        return true;
    case Qt::Key_K:
        shuttle(0);
        return true;
    case Qt::Key_J:
        shuttle(-1);
        return true;
    case Qt::Key_L:
        shuttle(1);
        return true;
    case Qt::Key_Comma:
    case Qt::Key_Left:
        stepFrames(-1);
        return true;
    case Qt::Key_Period:
    case Qt::Key_Right:
        stepFrames(1);
        return true;
    default:
        return false;
    }
}

void PreviewPane::keyPressEvent(QKeyEvent* event)
{
    if (event->modifiers() & ~Qt::KeypadModifier || !transportKey(event->key()))
        QWidget::keyPressEvent(event);
}

void PreviewPane::mousePressEvent(QMouseEvent* event)
{
    setFocus(Qt::MouseFocusReason);
    QWidget::mousePressEvent(event);
}

void PreviewPane::updateControls()
{
    const bool loaded = m_player->hasSource();
    const bool edit = isShowingEdit() && m_editDuration != 0;
    const bool playing = isPlaying() || m_playWhenReady;
    m_play->setEnabled(loaded || edit);
    m_back->setEnabled(loaded || edit);
    m_forward->setEnabled(loaded || edit);
    m_slider->setEnabled(loaded || edit);
    m_play->setIcon(style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    m_play->setToolTip(playing ? tr("Pause (Space or K)") : tr("Play (Space or L)"));
}

void PreviewPane::updateTime(qint64 ms)
{
    qint64 duration = m_player->duration();
    if (isShowingEdit() && m_editDuration > 0)
        duration = m_editDuration;
    if (m_slider->maximum() != int(duration))
        m_slider->setRange(0, int(duration));
    if (!m_slider->isSliderDown())
        m_slider->setValue(int(std::min(ms, duration)));
    QString text = QStringLiteral("%1 / %2").arg(formatTimelineTime(ms, 100),
                                                 formatTimelineTime(duration, 100));
    if (m_player->rate() != 1.0)
        text = tr("%1 · %2×").arg(text, QString::number(m_player->rate()));
    m_time->setText(text);
}

} // namespace cw
