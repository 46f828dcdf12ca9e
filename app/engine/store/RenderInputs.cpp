#include "store/RenderInputs.h"

namespace cw::engine {

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
            RenderInput in{m->path, m->hasVideo, m->hasAudio, m->durationMs};
            in.isImage = m->kind == QLatin1String("image");
            inputs->insert(s.src, in);
        }
    }
    return true;
}

} // namespace cw::engine
