// Hand-made smart-render inputs shared by tst_smartplan (eligibility and planning tables)
// and tst_smartrender (real renders): a fake H.264 source with a known GOP/B-frame layout,
// the render inputs of a draft, and a three-piece cut draft.
#pragma once

#include "DraftBuilder.h"
#include "render/RenderGraph.h"
#include "render/SmartRender.h"

#include <QHash>
#include <algorithm>

Q_DECLARE_METATYPE(cw::Draft)
Q_DECLARE_METATYPE(cw::engine::SmartSource)

namespace cw::test {

// A source of `frames` frames, keyframe every `gop`, with x264's B-pyramid pattern when
// bframes (decode order I P B B ... as frame indices) or plain I P P P.
inline engine::SmartSource fakeSource(int frames = 600, int gop = 60, bool bframes = true)
{
    engine::SmartSource s;
    s.path = QStringLiteral("/nonexistent/src.mp4");
    s.ok = true;
    s.codec = QStringLiteral("h264");
    s.profile = 100;
    s.pixFmt = QStringLiteral("yuv420p");
    s.width = 1280;
    s.height = 720;
    s.fpsNum = 30;
    s.tbNum = 1;
    s.tbDen = 15360;
    s.hasAudio = true;
    for (int g = 0; g < frames; g += gop) {
        const int end = std::min(frames, g + gop);
        s.frame << g;
        s.key << true;
        for (int f = g + 1; f < end; f += 3) {
            const int anchor = std::min(end - 1, f + 2);
            s.frame << anchor;
            s.key << false;
            for (int b = f; b < anchor && bframes; ++b) {
                s.frame << b;
                s.key << false;
            }
            for (int b = f; b < anchor && !bframes; ++b) {
                s.frame.insert(s.frame.size() - 1, b);
                s.key << false;
            }
        }
    }
    for (int i = 0; i < s.frame.size(); ++i)
        s.dts << qint64(i - 2) * 512;
    return s;
}

inline QHash<QString, engine::RenderInput> fakeInputs()
{
    return {{QStringLiteral("m1"),
             engine::RenderInput{QStringLiteral("/nonexistent/src.mp4"), true, true, 20000, false}},
            {QStringLiteral("m2"), engine::RenderInput{QStringLiteral("/nonexistent/music.m4a"),
                                                       false, true, 20000, false}},
            {QStringLiteral("img"),
             engine::RenderInput{QStringLiteral("/nonexistent/pic.png"), true, false, 0, true}}};
}

inline Draft cutDraft()
{
    return draftOf({track("v1", 0,
                          {seg("s1", "m1", 0, 1300, 4400), seg("s2", "m1", 4400, 7100, 6800),
                           seg("s3", "m1", 11200, 15000, 4500)})});
}

} // namespace cw::test
