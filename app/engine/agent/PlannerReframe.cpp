// Whether a crop follows the subject or stays centred, said in a clause (media/SubjectTrack.h
// does the following). Following is the default of every crop ("make it vertical"), so only
// "centre crop" / "crop the centre" / 居中裁剪 adds reframe=centre to set_aspect; "auto
// reframe", "keep me in frame", "follow the subject", 智能裁剪, 跟随主体 said alone reframe the
// current frame (9:16 when the draft has none) following the subject, and said after an
// aspect ("make it vertical, centre crop") change that aspect's reading. The words are the
// lexicon's lists reframe.follow and reframe.centre.
#include "agent/PlannerParts.h"

namespace cw::engine::planner {

QString reframeAsked(const QString& c)
{
    if (lexicon::has(c, QStringLiteral("reframe.follow")))
        return QStringLiteral("subject");
    if (lexicon::has(c, QStringLiteral("reframe.centre")))
        return QStringLiteral("centre");
    return {};
}

bool reframeEdit(const QString& c, QList<Operation>& ops)
{
    const QString asked = reframeAsked(c);
    if (asked.isEmpty() || aspect(c))
        return false; // the aspect parser reads it with the frame
    for (auto it = ops.rbegin(); it != ops.rend(); ++it) {
        if (it->name != Op::setAspect())
            continue;
        if (it->args.value(QStringLiteral("mode")).toString() != QLatin1String("crop"))
            return false;
        it->args.remove(QStringLiteral("reframe"));
        if (asked == QLatin1String("centre"))
            it->args.insert(QStringLiteral("reframe"), asked);
        return true;
    }
    // Alone, "keep it centred" may be about a title: only a crop said is a centre crop.
    if (asked == QLatin1String("centre") && !has(c, "\\bcrop|裁"))
        return false;
    Operation o = op(Op::setAspect(), {{QStringLiteral("mode"), QStringLiteral("crop")}});
    if (asked == QLatin1String("centre"))
        o.args.insert(QStringLiteral("reframe"), asked);
    ops << o;
    return true;
}

} // namespace cw::engine::planner
