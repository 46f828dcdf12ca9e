<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>cw::ChatInput</name>
    <message>
        <location filename="../ui/ChatInput.cpp" line="11"/>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <location filename="../ui/ChatInput.cpp" line="12"/>
        <source>Tell me what to make… (Enter sends, Shift+Enter for a new line)</source>
        <translation>告诉我你想做什么…（Enter 发送，Shift+Enter 换行）</translation>
    </message>
</context>
<context>
    <name>cw::ChatPanel</name>
    <message>
        <location filename="../ui/ChatPanel.cpp" line="17"/>
        <source>Chat</source>
        <translation>聊天</translation>
    </message>
    <message>
        <location filename="../ui/ChatPanel.cpp" line="24"/>
        <source>Agent progress</source>
        <translation>助手进度</translation>
    </message>
    <message>
        <location filename="../ui/ChatPanel.cpp" line="31"/>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location filename="../ui/ChatPanel.cpp" line="33"/>
        <source>Send message</source>
        <translation>发送消息</translation>
    </message>
    <message>
        <location filename="../ui/ChatPanel.cpp" line="34"/>
        <source>Send (Enter)</source>
        <translation>发送（Enter）</translation>
    </message>
    <message>
        <location filename="../ui/ChatPanel.cpp" line="61"/>
        <source>Cut the pauses</source>
        <translation>剪掉停顿</translation>
    </message>
    <message>
        <location filename="../ui/ChatPanel.cpp" line="62"/>
        <source>Show the tracks</source>
        <translation>显示轨道</translation>
    </message>
    <message>
        <location filename="../ui/ChatPanel.cpp" line="63"/>
        <source>Export 1080p MP4</source>
        <translation>导出 1080p MP4</translation>
    </message>
    <message>
        <location filename="../ui/ChatPanel.cpp" line="68"/>
        <source>Suggestion: %1</source>
        <translation>建议：%1</translation>
    </message>
    <message>
        <location filename="../ui/ChatPanel.cpp" line="124"/>
        <source>Thinking…</source>
        <translation>思考中…</translation>
    </message>
</context>
<context>
    <name>cw::ChatTranscript</name>
    <message>
        <location filename="../ui/ChatTranscript.cpp" line="24"/>
        <source>Conversation</source>
        <translation>对话</translation>
    </message>
    <message>
        <location filename="../ui/ChatTranscript.cpp" line="104"/>
        <source>You</source>
        <translation>你</translation>
    </message>
    <message>
        <location filename="../ui/ChatTranscript.cpp" line="108"/>
        <source>Clipwright</source>
        <translation>Clipwright</translation>
    </message>
    <message>
        <location filename="../ui/ChatTranscript.cpp" line="111"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../ui/ChatTranscript.cpp" line="28"/>
        <source>Drop clips on the left, then tell me what to make, for example “cut the pauses and add a title that says Urban Dreams”.</source>
        <translation>把片段拖到左侧，然后告诉我你想做什么，例如“剪掉停顿，并添加标题 Urban Dreams”。</translation>
    </message>
</context>
<context>
    <name>cw::ExportBar</name>
    <message>
        <location filename="../ui/ExportBar.cpp" line="15"/>
        <source>Export progress</source>
        <translation>导出进度</translation>
    </message>
    <message>
        <location filename="../ui/ExportBar.cpp" line="20"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../ui/ExportBar.cpp" line="21"/>
        <source>Cancel export</source>
        <translation>取消导出</translation>
    </message>
    <message>
        <location filename="../ui/ExportBar.cpp" line="22"/>
        <source>Cancel the export</source>
        <translation>取消此次导出</translation>
    </message>
    <message>
        <location filename="../ui/ExportBar.cpp" line="43"/>
        <source>Saving %p%</source>
        <translation>保存中 %p%</translation>
    </message>
    <message>
        <location filename="../ui/ExportBar.cpp" line="45"/>
        <source>Rendering %p%</source>
        <translation>渲染中 %p%</translation>
    </message>
    <message>
        <location filename="../ui/ExportBar.cpp" line="47"/>
        <source>Exporting %p%</source>
        <translation>导出中 %p%</translation>
    </message>
</context>
<context>
    <name>cw::MainWindow</name>
    <message>
        <location filename="../ui/MainWindow.cpp" line="23"/>
        <source>Clipwright</source>
        <translation>Clipwright</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="78"/>
        <source>Backend and connection</source>
        <translation>后端与连接</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="82"/>
        <location filename="../ui/MainWindowSession.cpp" line="24"/>
        <location filename="../ui/MainWindowSession.cpp" line="51"/>
        <source>connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="82"/>
        <source>connecting…</source>
        <translation>连接中…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="84"/>
        <source>no backend</source>
        <translation>无后端</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="89"/>
        <location filename="../ui/MainWindow.cpp" line="90"/>
        <source>Local engine</source>
        <translation>本地引擎</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="90"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowActions.cpp" line="30"/>
        <source>&amp;Add media…</source>
        <translation>添加素材(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowActions.cpp" line="32"/>
        <source>Add video, audio or image files</source>
        <translation>添加视频、音频或图片文件</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowActions.cpp" line="35"/>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowActions.cpp" line="37"/>
        <source>Export the edit as a 1080p MP4 (Ctrl+E)</source>
        <translation>将剪辑导出为 1080p MP4（Ctrl+E）</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowActions.cpp" line="40"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowActions.cpp" line="42"/>
        <source>Undo the last edit (Ctrl+Z)</source>
        <translation>撤销上一次编辑（Ctrl+Z）</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowActions.cpp" line="46"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowActions.cpp" line="48"/>
        <source>Redo the edit you undid (Ctrl+Shift+Z)</source>
        <translation>重做已撤销的编辑（Ctrl+Shift+Z）</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowActions.cpp" line="52"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowActions.cpp" line="56"/>
        <source>Zoom Timeline to &amp;Fit</source>
        <translation>时间线缩放至适合(&amp;F)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowActions.cpp" line="60"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowActions.cpp" line="65"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowActions.cpp" line="68"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowActions.cpp" line="71"/>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowActions.cpp" line="84"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowActions.cpp" line="108"/>
        <source>Add media</source>
        <translation>添加素材</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowActions.cpp" line="109"/>
        <source>Media files (%1);;All files (*)</source>
        <translation>媒体文件 (%1);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowActions.cpp" line="119"/>
        <source>Not connected to a backend.</source>
        <translation>未连接到后端。</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowActions.cpp" line="145"/>
        <source>Nothing to export yet: add a clip first.</source>
        <translation>还没有可导出的内容：请先添加片段。</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowActions.cpp" line="151"/>
        <source>Export video</source>
        <translation>导出视频</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowActions.cpp" line="152"/>
        <source>MP4 video (*.mp4)</source>
        <translation>MP4 视频 (*.mp4)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowActions.cpp" line="160"/>
        <source>Exporting to %1…</source>
        <translation>正在导出到 %1…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowSession.cpp" line="26"/>
        <source>not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowSession.cpp" line="61"/>
        <source>Added %1</source>
        <translation>已添加 %1</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowSession.cpp" line="66"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowSession.cpp" line="87"/>
        <location filename="../ui/MainWindowSession.cpp" line="88"/>
        <source>Export finished: %1</source>
        <translation>导出完成：%1</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowSession.cpp" line="95"/>
        <source>Export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
</context>
<context>
    <name>cw::MediaBin</name>
    <message>
        <location filename="../ui/MediaBin.cpp" line="49"/>
        <source>Media bin</source>
        <translation>素材箱</translation>
    </message>
    <message>
        <location filename="../ui/MediaBin.cpp" line="52"/>
        <source>Drop video, audio or image files or folders here</source>
        <translation>将视频、音频、图片文件或文件夹拖放到这里</translation>
    </message>
    <message>
        <location filename="../ui/MediaBin.cpp" line="69"/>
        <source>Clips</source>
        <translation>片段</translation>
    </message>
    <message>
        <location filename="../ui/MediaBin.cpp" line="73"/>
        <source>Add media…</source>
        <translation>添加素材…</translation>
    </message>
    <message>
        <location filename="../ui/MediaBin.cpp" line="75"/>
        <source>Add media</source>
        <translation>添加素材</translation>
    </message>
    <message>
        <location filename="../ui/MediaBin.cpp" line="76"/>
        <source>Add video, audio or image files (Ctrl+O)</source>
        <translation>添加视频、音频或图片文件（Ctrl+O）</translation>
    </message>
    <message>
        <location filename="../ui/MediaBin.cpp" line="110"/>
        <source>%1: not a supported video, audio or image file</source>
        <translation>%1：不是支持的视频、音频或图片文件</translation>
    </message>
    <message>
        <location filename="../ui/MediaBin.cpp" line="112"/>
        <source>%1: larger than %2 MiB</source>
        <translation>%1：大于 %2 MiB</translation>
    </message>
    <message>
        <location filename="../ui/MediaBin.cpp" line="127"/>
        <source>%1: the folder has no media files</source>
        <translation>%1：该文件夹中没有媒体文件</translation>
    </message>
    <message>
        <location filename="../ui/MediaBin.cpp" line="129"/>
        <source>%1: file not found</source>
        <translation>%1：找不到文件</translation>
    </message>
    <message>
        <location filename="../ui/MediaBin.cpp" line="170"/>
        <source>Uploading… %1%</source>
        <translation>上传中… %1%</translation>
    </message>
    <message>
        <location filename="../ui/MediaBin.cpp" line="176"/>
        <source>Upload failed: %1</source>
        <translation>上传失败：%1</translation>
    </message>
    <message>
        <location filename="../ui/MediaBin.cpp" line="207"/>
        <source>%1 × %2, %3 fps</source>
        <translation>%1 × %2，%3 fps</translation>
    </message>
</context>
<context>
    <name>cw::PreviewPane</name>
    <message>
        <location filename="../ui/PreviewPane.cpp" line="21"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../ui/PreviewPane.cpp" line="23"/>
        <source>Select a clip to preview it</source>
        <translation>选择一个片段进行预览</translation>
    </message>
    <message>
        <location filename="../ui/PreviewPane.cpp" line="36"/>
        <source>Play or pause the preview</source>
        <translation>播放或暂停预览</translation>
    </message>
    <message>
        <location filename="../ui/PreviewPane.cpp" line="61"/>
        <source>Video preview</source>
        <translation>视频预览</translation>
    </message>
    <message>
        <location filename="../ui/PreviewPane.cpp" line="72"/>
        <source>Cannot play: %1</source>
        <translation>无法播放：%1</translation>
    </message>
    <message>
        <location filename="../ui/PreviewPane.cpp" line="113"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../ui/PreviewPane.cpp" line="113"/>
        <source>Play</source>
        <translation>播放</translation>
    </message>
</context>
<context>
    <name>cw::TimelineView</name>
    <message>
        <location filename="../ui/TimelineView.cpp" line="41"/>
        <source>Video</source>
        <translation>视频</translation>
    </message>
    <message>
        <location filename="../ui/TimelineView.cpp" line="43"/>
        <source>Audio</source>
        <translation>音频</translation>
    </message>
    <message>
        <location filename="../ui/TimelineView.cpp" line="45"/>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <location filename="../ui/TimelineView.cpp" line="47"/>
        <source>Type %1</source>
        <translation>类型 %1</translation>
    </message>
    <message>
        <location filename="../ui/TimelineView.cpp" line="54"/>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <location filename="../ui/TimelineView.cpp" line="143"/>
        <source>The timeline is empty. Add clips, then tell me what to make.</source>
        <translation>时间线是空的。添加片段，然后告诉我你想做什么。</translation>
    </message>
    <message>
        <location filename="../ui/TimelineView.cpp" line="179"/>
        <source>Total %1</source>
        <translation>总长 %1</translation>
    </message>
</context>
</TS>
