// See PreviewPlayer.h.
#include "PreviewPlayer.h"

#include <QAudioDevice>
#include <QAudioOutput>
#include <QMediaDevices>
#include <QMediaMetaData>
#include <QMediaPlayer>
#include <QVideoSink>
#include <cmath>

namespace cw {

PreviewPlayer::PreviewPlayer(QObject* parent) : QObject(parent)
{
    m_peekGuard.setSingleShot(true);
    m_peekGuard.setInterval(1500);
    connect(&m_peekGuard, &QTimer::timeout, this, &PreviewPlayer::endPeek);
}

void PreviewPlayer::ensurePlayer()
{
    if (m_player)
        return;
    m_player = new QMediaPlayer(this);
    m_sink = new QVideoSink(this);
    m_player->setVideoOutput(m_sink);
    if (!QMediaDevices::audioOutputs().isEmpty()) {
        m_audio = new QAudioOutput(this);
        m_player->setAudioOutput(m_audio);
    }
    m_player->setPlaybackRate(m_rate);
    // The context object makes this a queued call on the GUI thread.
    connect(m_sink, &QVideoSink::videoFrameChanged, this, &PreviewPlayer::onFrame);
    connect(m_player, &QMediaPlayer::playbackStateChanged, this, [this] {
        if (m_peekAt < 0)
            Q_EMIT playingChanged(isPlaying());
    });
    connect(m_player, &QMediaPlayer::positionChanged, this, [this](qint64 ms) {
        // Unloading rewinds to 0: not a position anyone asked for.
        if (m_peekAt < 0 && m_wanted < 0 && !m_source.isEmpty())
            Q_EMIT positionChanged(ms + m_offset);
    });
    connect(m_player, &QMediaPlayer::durationChanged, this,
            [this](qint64 ms) { Q_EMIT durationChanged(ms + m_offset); });
    connect(m_player, &QMediaPlayer::mediaStatusChanged, this, [this](QMediaPlayer::MediaStatus s) {
        if (s == QMediaPlayer::EndOfMedia) {
            if (m_peekAt >= 0)
                endPeek();
            else if (m_player->source() == m_source && !m_loading)
                Q_EMIT finished();
        }
        if (s != QMediaPlayer::LoadedMedia && s != QMediaPlayer::BufferedMedia)
            return;
        if ((m_wanted < 0 && !m_playWhenLoaded) || m_player->source() != m_source)
            return; // not the first status after this load
        m_loading = false;
        const double fps = m_player->metaData().value(QMediaMetaData::VideoFrameRate).toDouble();
        m_fps = fps >= 1 && fps <= 240 ? fps : m_defaultFps;
        const qint64 at = std::max<qint64>(0, m_wanted);
        const bool play = std::exchange(m_playWhenLoaded, false);
        m_wanted = -1;
        Q_EMIT loaded();
        if (play) {
            if (at > 0)
                m_player->setPosition(at);
            this->play();
        } else {
            seek(at + m_offset); // timeline time
        }
    });
    connect(m_player, &QMediaPlayer::errorOccurred, this,
            [this](QMediaPlayer::Error, const QString& message) {
                m_peekAt = -1;
                m_loading = false;
                m_peekGuard.stop();
                Q_EMIT errorOccurred(message);
            });
}

bool PreviewPlayer::isPlaying() const
{
    return m_player && m_peekAt < 0 && m_player->playbackState() == QMediaPlayer::PlayingState;
}

qint64 PreviewPlayer::position() const
{
    if (m_wanted >= 0)
        return m_wanted + m_offset;
    if (m_peekAt >= 0)
        return m_peekAt + m_offset;
    return (m_player ? m_player->position() : 0) + m_offset;
}

qint64 PreviewPlayer::duration() const
{
    return m_player ? std::max<qint64>(0, m_player->duration()) + m_offset : 0;
}

void PreviewPlayer::setDefaultFrameRate(double fps)
{
    if (fps >= 1 && fps <= 240)
        m_defaultFps = m_fps = fps;
}

void PreviewPlayer::setRate(double rate)
{
    m_rate = std::clamp(rate, 0.25, 8.0);
    if (m_player)
        m_player->setPlaybackRate(m_rate);
}

void PreviewPlayer::load(const QUrl& file, qint64 at, bool play, qint64 offset)
{
    ensurePlayer();
    endPeek();
    // Stopping reports the old file as loaded again (synchronously, in Qt 6.4): done before
    // this load's state is set, or that status would open the old file in its place.
    m_player->stop();
    m_source = file;
    m_offset = std::max<qint64>(0, offset);
    m_fps = m_defaultFps;
    m_wanted = std::max<qint64>(0, at - m_offset);
    m_playWhenLoaded = play;
    m_loading = true;
    m_player->setSource(file);
}

void PreviewPlayer::unload()
{
    m_wanted = -1;
    m_playWhenLoaded = false;
    m_loading = false;
    m_source.clear();
    m_offset = 0;
    if (!m_player)
        return;
    endPeek();
    m_player->stop();
    m_player->setSource(QUrl());
}

void PreviewPlayer::play()
{
    if (!hasSource())
        return;
    if (m_wanted >= 0) { // still loading: play once it is open
        m_playWhenLoaded = true;
        return;
    }
    if (m_peekAt >= 0) {
        m_peekAt = -1;
        m_peekGuard.stop();
        if (m_audio)
            m_audio->setMuted(m_wasMuted);
        Q_EMIT playingChanged(true);
    }
    m_player->play();
}

void PreviewPlayer::pause()
{
    m_playWhenLoaded = false;
    if (m_player && m_peekAt < 0)
        m_player->pause();
}

void PreviewPlayer::stop()
{
    m_playWhenLoaded = false;
    if (!m_player)
        return;
    endPeek();
    m_player->stop();
}

void PreviewPlayer::seek(qint64 ms)
{
    ms = std::max<qint64>(0, ms - m_offset);
    if (!hasSource() || m_wanted >= 0) {
        m_wanted = hasSource() ? ms : -1;
        return;
    }
    if (m_player->duration() > 0)
        ms = std::min(ms, m_player->duration());
    m_player->setPosition(ms);
    Q_EMIT positionChanged(ms + m_offset);
    if (!isPlaying())
        peek(ms);
}

void PreviewPlayer::peek(qint64 ms)
{
    if (m_peekAt < 0 && m_audio) {
        m_wasMuted = m_audio->isMuted();
        m_audio->setMuted(true);
    }
    m_peekAt = ms;
    m_peekGuard.start();
    if (m_player->playbackState() != QMediaPlayer::PlayingState)
        m_player->play();
}

void PreviewPlayer::endPeek()
{
    if (m_peekAt < 0)
        return;
    const qint64 at = m_peekAt;
    m_peekAt = -1;
    m_peekGuard.stop();
    if (m_player) {
        m_player->pause();
        if (m_player->mediaStatus() != QMediaPlayer::EndOfMedia && m_player->position() != at)
            m_player->setPosition(at);
    }
    if (m_audio)
        m_audio->setMuted(m_wasMuted);
}

void PreviewPlayer::onFrame(const QVideoFrame& frame)
{
    // Frames of the previous file may still be queued after a load (same position, old
    // picture: a landscape frame flashed in a just-made vertical edit): none until loaded.
    if (!frame.isValid() || m_loading)
        return;
    if (m_peekAt >= 0) {
        // Only the frame at the target ends a peek: frames decoded before the seek landed
        // may still be on their way.
        const double frameMs = 1000.0 / m_fps;
        const double at = double(frame.startTime()) / 1000.0;
        if (frame.startTime() >= 0 &&
            (at < m_peekAt - 1.5 * frameMs || at > m_peekAt + 3 * frameMs))
            return;
        endPeek();
    }
    Q_EMIT frameChanged(frame);
}

} // namespace cw
