#include "store/RenderInputs.h"

#include "edit/Audiogram.h"
#include "media/MediaProbe.h"
#include "media/Stabilise.h"
#include "media/SubjectTrack.h"

namespace cw::engine {

RenderInput renderInputOf(const MediaRecord& m)
{
    RenderInput in{m.path, m.hasVideo, m.hasAudio, m.durationMs};
    in.isImage = m.kind == QLatin1String("image");
    if (m.hasVideo) {
        const MediaInfo info = probeMediaCached(m.path);
        in.sarNum = info.sarNum;
        in.sarDen = info.sarDen;
        in.matrix = info.colorMatrix;
        if (info.hdr())
            in.hdrTransfer = info.colorTransfer;
    }
    return in;
}

bool collectRenderInputs(Store& store, const QString& sessionId, const Draft& draft,
                         QHash<QString, RenderInput>* inputs, QString* missing)
{
    for (const Track& track : draft.t) {
        for (const Segment& s : track.sg) {
            if (s.src.isEmpty() || inputs->contains(s.src))
                continue;
            const std::optional<MediaRecord> m = store.media(s.src);
            if (!m || m->sessionId != sessionId) {
                *missing = s.src;
                return false;
            }
            RenderInput in = renderInputOf(*m);
            in.stabCache = stabiliseCachePath(store.dataDir(), m->hash);  // media/Stabilise.h
            in.subjectCache = subjectCachePath(store.dataDir(), m->hash); // SubjectTrack.h
            inputs->insert(s.src, in);
        }
    }
    // An audiogram's background picture (edit/Audiogram.h) is used by no segment.
    if (const std::optional<Audiogram> a = audiogramOf(draft.m);
        a && !a->backgroundMedia.isEmpty()) {
        const std::optional<MediaRecord> m = store.media(a->backgroundMedia);
        if (!m || m->sessionId != sessionId) {
            *missing = a->backgroundMedia;
            return false;
        }
        inputs->insert(m->id, renderInputOf(*m));
    }
    return true;
}

} // namespace cw::engine
