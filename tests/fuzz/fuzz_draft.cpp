// libFuzzer target for core's Draft codec. Any bytes: fromBytes never crashes; whatever it
// accepts must survive toBytes -> fromBytes unchanged (operator==), encode to the same bytes
// the second time, and validate / summary / computedDuration / diff must run on it.
#include "Draft.h"
#include "DraftDiff.h"
#include "FuzzUtil.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    QString error;
    const std::optional<cw::Draft> draft = cw::Draft::fromBytes(bytes, &error);
    if (!draft) {
        CW_FUZZ_CHECK(!error.isEmpty());
        return 0;
    }
    const QStringList problems = draft->validate();
    for (const QString& p : problems)
        CW_FUZZ_CHECK(!p.isEmpty());
    (void)draft->computedDuration();
    (void)draft->isExportable();
    (void)draft->summary();

    const QByteArray encoded = draft->toBytes();
    QString again;
    const std::optional<cw::Draft> round = cw::Draft::fromBytes(encoded, &again);
    CW_FUZZ_CHECK(round.has_value());
    CW_FUZZ_CHECK(*round == *draft);
    CW_FUZZ_CHECK(round->toBytes() == encoded);
    CW_FUZZ_CHECK(round->validate() == problems);

    const cw::DraftChange change = cw::diffDrafts(*draft, *round);
    CW_FUZZ_CHECK(change.isEmpty());
    (void)cw::describeChange(cw::diffDrafts(cw::Draft(), *draft));
    return 0;
}
