// libFuzzer target for core's SseParser. Oracle: the items must not depend on how the byte
// stream is split into chunks, so the input is parsed once whole and once in chunks whose
// sizes come from the first bytes; both runs must produce the same events, comments, retry
// and last event id (unless the line limit tripped, which is also checked for both).
#include "FuzzUtil.h"
#include "SseParser.h"

namespace {

QList<cw::SseItem> parseAll(cw::SseParser& p, const QList<QByteArray>& chunks)
{
    QList<cw::SseItem> items;
    for (const QByteArray& c : chunks)
        items += p.feed(c);
    items += p.finish();
    return items;
}

bool sameItems(const QList<cw::SseItem>& a, const QList<cw::SseItem>& b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (a[i].kind != b[i].kind || a[i].comment != b[i].comment ||
            a[i].event.type != b[i].event.type || a[i].event.data != b[i].event.data ||
            a[i].event.id != b[i].event.id)
            return false;
    }
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    cw::fuzz::Cursor cur(data, size);
    const uint8_t splitCount = cur.byte() % 16;
    QList<int> splits;
    for (int i = 0; i < splitCount; ++i)
        splits << 1 + cur.byte() % 64;
    const bool smallLimit = cur.byte() & 1;
    const QByteArray stream = cur.rest();

    QList<QByteArray> chunks;
    qsizetype pos = 0;
    for (int s : splits) {
        if (pos >= stream.size())
            break;
        chunks << stream.mid(pos, s);
        pos += s;
    }
    if (pos < stream.size())
        chunks << stream.mid(pos);

    cw::SseParser whole;
    cw::SseParser split;
    if (smallLimit) {
        whole.setMaxLineBytes(32);
        split.setMaxLineBytes(32);
    }
    const QList<cw::SseItem> a = parseAll(whole, {stream});
    const QList<cw::SseItem> b = parseAll(split, chunks);
    CW_FUZZ_CHECK(whole.overflowed() == split.overflowed());
    if (!whole.overflowed()) {
        CW_FUZZ_CHECK(sameItems(a, b));
        CW_FUZZ_CHECK(whole.retryMs() == split.retryMs());
        CW_FUZZ_CHECK(whole.lastEventId() == split.lastEventId());
    }
    for (const cw::SseItem& item : a) {
        if (item.kind == cw::SseItem::Kind::Event)
            CW_FUZZ_CHECK(!item.event.type.isEmpty());
    }
    return 0;
}
