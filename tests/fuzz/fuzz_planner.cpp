// libFuzzer target for the engine's instruction planner (words -> frames -> operations). Any
// text plans without crashing, only known operation names come out, required arguments are
// present and in range, declined parts name what was declined, and planning is deterministic
// (the same text twice gives the same plan).
#include "FuzzUtil.h"
#include "agent/Planner.h"
#include "edit/TextLook.h"

#include <QSet>

using namespace cw::engine;

namespace {

bool samePlan(const Plan& a, const Plan& b)
{
    if (a.operations.size() != b.operations.size() || a.chinese != b.chinese ||
        a.unrecognized != b.unrecognized || a.suggestions != b.suggestions)
        return false;
    for (qsizetype i = 0; i < a.operations.size(); ++i) {
        if (a.operations[i].name != b.operations[i].name ||
            a.operations[i].args != b.operations[i].args)
            return false;
    }
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    static const QSet<QString> known(Op::all().cbegin(), Op::all().cend());
    const QString text = QString::fromUtf8(reinterpret_cast<const char*>(data), qsizetype(size));
    const Plan plan = planInstruction(text);
    for (const Operation& op : plan.operations) {
        CW_FUZZ_CHECK(known.contains(op.name));
        if (op.name == Op::splitAt())
            CW_FUZZ_CHECK(op.args.contains(QStringLiteral("at_ms")));
        if (op.name == Op::setSpeed()) {
            const double f = op.args.value(QStringLiteral("factor")).toDouble();
            CW_FUZZ_CHECK(f > 0);
        }
        if (op.name == Op::setVolume())
            CW_FUZZ_CHECK(op.args.value(QStringLiteral("gain")).toDouble(-1) >= 0);
        if (op.name == Op::setMusicVolume()) {
            const double v = op.args.value(QStringLiteral("volume")).toDouble(0.5);
            const double f = op.args.value(QStringLiteral("factor")).toDouble(1);
            CW_FUZZ_CHECK(v >= 0 && v <= 1 && f >= 0 && f <= 4);
        }
        if (op.name == Op::targetLength())
            CW_FUZZ_CHECK(op.args.value(QStringLiteral("target_ms")).toDouble(1) > 0);
        if (op.name == Op::editText()) // something to change: words, place, time or look
            CW_FUZZ_CHECK(op.args.contains(QStringLiteral("text")) ||
                          op.args.contains(QStringLiteral("position")) ||
                          op.args.contains(QStringLiteral("start_ms")) ||
                          op.args.contains(QStringLiteral("duration_ms")) ||
                          !textLookFromArgs(op.args).empty());
        if (op.name == Op::confirm() || op.name == Op::cancel())
            CW_FUZZ_CHECK(plan.declined.isEmpty());
    }
    for (const Declined& d : plan.declined)
        CW_FUZZ_CHECK(!d.id.isEmpty() && !d.clause.isEmpty());
    if (plan.operations.isEmpty() && !text.trimmed().isEmpty())
        (void)plan.suggestions;
    CW_FUZZ_CHECK(samePlan(plan, planInstruction(text)));
    (void)containsChinese(text);
    return 0;
}
