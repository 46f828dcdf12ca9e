// Under Xvfb on a CI machine there is no sound server and no GPU, and Qt Multimedia says so
// once per process ("PulseAudioService: pa_context_connect() failed", "No RHI backend. Using
// CPU conversion."). Those two warnings are the machine's, not the app's: tests that play
// media drop them here. Every other warning still reaches QTest, and any warning QTest prints
// fails the test (FAIL_REGULAR_EXPRESSION in tests/CMakeLists.txt). Call from initTestCase(),
// after QTest has installed its own handler.
#pragma once

#include <QString>
#include <QtGlobal>

namespace cw::test {

inline void dropPlatformNoise()
{
    static QtMessageHandler next = nullptr;
    next = qInstallMessageHandler(
        [](QtMsgType type, const QMessageLogContext& context, const QString& message) {
            if (type == QtWarningMsg &&
                (message.startsWith(QLatin1String("PulseAudioService: ")) ||
                 message.endsWith(QLatin1String("No RHI backend. Using CPU conversion."))))
                return;
            if (next)
                next(type, context, message);
        });
}

} // namespace cw::test
