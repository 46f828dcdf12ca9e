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
        <location filename="../ui/ExportBar.cpp" line="35"/>
        <source>Export progress</source>
        <translation>导出进度</translation>
    </message>
    <message>
        <location filename="../ui/ExportBar.cpp" line="40"/>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <location filename="../ui/ExportBar.cpp" line="41"/>
        <source>Export finished</source>
        <translation>导出完成</translation>
    </message>
    <message>
        <location filename="../ui/ExportBar.cpp" line="43"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../ui/ExportBar.cpp" line="43"/>
        <source>Cancel export</source>
        <translation>取消导出</translation>
    </message>
    <message>
        <location filename="../ui/ExportBar.cpp" line="44"/>
        <source>Show in folder</source>
        <translation>在文件夹中显示</translation>
    </message>
    <message>
        <location filename="../ui/ExportBar.cpp" line="45"/>
        <source>Show the exported file in its folder</source>
        <translation>在文件夹中显示导出的文件</translation>
    </message>
    <message>
        <location filename="../ui/ExportBar.cpp" line="46"/>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <location filename="../ui/ExportBar.cpp" line="46"/>
        <source>Play the exported video</source>
        <translation>播放导出的视频</translation>
    </message>
    <message>
        <location filename="../ui/ExportBar.cpp" line="47"/>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../ui/ExportBar.cpp" line="80"/>
        <source>about %1 s left</source>
        <translation>约剩 %1 秒</translation>
    </message>
    <message>
        <location filename="../ui/ExportBar.cpp" line="82"/>
        <source>about %1 min left</source>
        <translation>约剩 %1 分钟</translation>
    </message>
    <message>
        <location filename="../ui/ExportBar.cpp" line="83"/>
        <source>about %1 h %2 min left</source>
        <translation>约剩 %1 小时 %2 分钟</translation>
    </message>
    <message>
        <location filename="../ui/ExportBar.cpp" line="106"/>
        <source>Saving %p%</source>
        <translation>保存中 %p%</translation>
    </message>
    <message>
        <location filename="../ui/ExportBar.cpp" line="108"/>
        <source>Rendering %p%</source>
        <translation>渲染中 %p%</translation>
    </message>
    <message>
        <location filename="../ui/ExportBar.cpp" line="110"/>
        <source>Exporting %p%</source>
        <translation>导出中 %p%</translation>
    </message>
</context>
<context>
    <name>cw::ExportDialog</name>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="24"/>
        <location filename="../ui/ExportDialog.cpp" line="25"/>
        <source>Export video</source>
        <translation>导出视频</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="29"/>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="36"/>
        <source>File name</source>
        <translation>文件名</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="44"/>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="46"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="48"/>
        <source>Choose the folder</source>
        <translation>选择文件夹</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="59"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="61"/>
        <source>Start the export</source>
        <translation>开始导出</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="64"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="68"/>
        <source>&amp;Format:</source>
        <translation>格式(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="69"/>
        <source>File &amp;name:</source>
        <translation>文件名(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="70"/>
        <source>F&amp;older:</source>
        <translation>文件夹(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="104"/>
        <source>Enter a file name.</source>
        <translation>请输入文件名。</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="106"/>
        <source>The file name cannot contain / \ : * ? &quot; &lt; &gt; |.</source>
        <translation>文件名不能包含 / \ : * ? &quot; &lt; &gt; |。</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="108"/>
        <source>Choose a folder.</source>
        <translation>请选择文件夹。</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="119"/>
        <source>Export folder</source>
        <translation>导出文件夹</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="133"/>
        <source>A folder with this name exists; choose another name.</source>
        <translation>已存在同名文件夹，请换一个名称。</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="141"/>
        <source>Replace file?</source>
        <translation>替换文件？</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="142"/>
        <source>%1 already exists. Replace it?</source>
        <translation>%1 已存在。要替换吗？</translation>
    </message>
</context>
<context>
    <name>cw::ExportSettings</name>
    <message>
        <location filename="../ui/ExportSettings.cpp" line="20"/>
        <source>1080p (1920×1080, 16:9)</source>
        <translation>1080p 横屏（1920×1080，16:9）</translation>
    </message>
    <message>
        <location filename="../ui/ExportSettings.cpp" line="22"/>
        <source>Vertical (1080×1920, 9:16)</source>
        <translation>竖屏（1080×1920，9:16）</translation>
    </message>
    <message>
        <location filename="../ui/ExportSettings.cpp" line="24"/>
        <source>Square (1080×1080, 1:1)</source>
        <translation>方形（1080×1080，1:1）</translation>
    </message>
    <message>
        <location filename="../ui/ExportSettings.cpp" line="26"/>
        <source>720p (1280×720, 16:9)</source>
        <translation>720p 横屏（1280×720，16:9）</translation>
    </message>
    <message>
        <location filename="../ui/ExportSettings.cpp" line="28"/>
        <source>4K (3840×2160, 16:9)</source>
        <translation>4K 横屏（3840×2160，16:9）</translation>
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
        <source>Running jobs</source>
        <translation>正在运行的任务</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="87"/>
        <location filename="../ui/MainWindowSession.cpp" line="24"/>
        <location filename="../ui/MainWindowSession.cpp" line="63"/>
        <source>connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="87"/>
        <source>connecting…</source>
        <translation>连接中…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="89"/>
        <source>no backend</source>
        <translation>无后端</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="94"/>
        <location filename="../ui/MainWindow.cpp" line="95"/>
        <source>Local engine</source>
        <translation>本地引擎</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="95"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="101"/>
        <source>No jobs running</source>
        <translation>没有正在运行的任务</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="103"/>
        <source>1 job running: export %1%</source>
        <translation>1 个任务运行中：导出 %1%</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowActions.cpp" line="33"/>
        <source>&amp;Add media…</source>
        <translation>添加素材(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowActions.cpp" line="35"/>
        <source>Add video, audio or image files</source>
        <translation>添加视频、音频或图片文件</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowActions.cpp" line="38"/>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowActions.cpp" line="40"/>
        <source>Export the edit as an MP4 video (Ctrl+E)</source>
        <translation>将剪辑导出为 MP4 视频（Ctrl+E）</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowActions.cpp" line="43"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowActions.cpp" line="45"/>
        <source>Undo the last edit (Ctrl+Z)</source>
        <translation>撤销上一次编辑（Ctrl+Z）</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowActions.cpp" line="49"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowActions.cpp" line="51"/>
        <source>Redo the edit you undid (Ctrl+Shift+Z)</source>
        <translation>重做已撤销的编辑（Ctrl+Shift+Z）</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowActions.cpp" line="55"/>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowActions.cpp" line="61"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowActions.cpp" line="65"/>
        <source>Zoom Timeline to &amp;Fit</source>
        <translation>时间线缩放至适合(&amp;F)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowActions.cpp" line="69"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowActions.cpp" line="74"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowActions.cpp" line="79"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowActions.cpp" line="82"/>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowActions.cpp" line="95"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowActions.cpp" line="119"/>
        <source>Add media</source>
        <translation>添加素材</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowActions.cpp" line="120"/>
        <source>Media files (%1);;All files (*)</source>
        <translation>媒体文件 (%1);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowActions.cpp" line="130"/>
        <source>Not connected to a backend.</source>
        <translation>未连接到后端。</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowActions.cpp" line="156"/>
        <source>Nothing to export yet: add a clip first.</source>
        <translation>还没有可导出的内容：请先添加片段。</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowActions.cpp" line="189"/>
        <source>Exporting to %1…</source>
        <translation>正在导出到 %1…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowSession.cpp" line="26"/>
        <source>not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowSession.cpp" line="73"/>
        <source>Added %1</source>
        <translation>已添加 %1</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowSession.cpp" line="78"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowSession.cpp" line="104"/>
        <location filename="../ui/MainWindowSession.cpp" line="105"/>
        <source>Export finished: %1</source>
        <translation>导出完成：%1</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowSession.cpp" line="114"/>
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
        <location filename="../ui/PreviewPane.cpp" line="73"/>
        <source>Cannot play: %1</source>
        <translation>无法播放：%1</translation>
    </message>
    <message>
        <location filename="../ui/PreviewPane.cpp" line="120"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../ui/PreviewPane.cpp" line="120"/>
        <source>Play</source>
        <translation>播放</translation>
    </message>
</context>
<context>
    <name>cw::SettingsDialog</name>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="35"/>
        <location filename="../ui/SettingsDialog.cpp" line="36"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="43"/>
        <location filename="../ui/SettingsDialog.cpp" line="77"/>
        <source>Backend</source>
        <translation>后端</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="44"/>
        <source>Local engine</source>
        <translation>本地引擎</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="45"/>
        <source>NemoVideo cloud</source>
        <translation>NemoVideo 云端</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="46"/>
        <source>Custom URL</source>
        <translation>自定义地址</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="50"/>
        <source>Custom backend URL</source>
        <translation>自定义后端地址</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="53"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="54"/>
        <source>System</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="61"/>
        <source>Default export folder</source>
        <translation>默认导出文件夹</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="62"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="64"/>
        <source>Choose the default export folder</source>
        <translation>选择默认导出文件夹</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="68"/>
        <source>Default export format</source>
        <translation>默认导出格式</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="79"/>
        <source>&amp;Profile:</source>
        <translation>配置(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="80"/>
        <source>&amp;URL:</source>
        <translation>地址(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="81"/>
        <source>Interface</source>
        <translation>界面</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="83"/>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="84"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="86"/>
        <source>&amp;Folder:</source>
        <translation>文件夹(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="87"/>
        <source>F&amp;ormat:</source>
        <translation>格式(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="92"/>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="94"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="109"/>
        <source>Export folder</source>
        <translation>导出文件夹</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="137"/>
        <source>Enter an http:// or https:// address for the custom backend.</source>
        <translation>请为自定义后端输入 http:// 或 https:// 地址。</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="139"/>
        <source>Restart Clipwright to apply the new backend or language.</source>
        <translation>重新启动 Clipwright 以应用新的后端或语言。</translation>
    </message>
</context>
<context>
    <name>cw::TimelineView</name>
    <message>
        <location filename="../ui/TimelineView.cpp" line="45"/>
        <source>Video</source>
        <translation>视频</translation>
    </message>
    <message>
        <location filename="../ui/TimelineView.cpp" line="47"/>
        <source>Audio</source>
        <translation>音频</translation>
    </message>
    <message>
        <location filename="../ui/TimelineView.cpp" line="49"/>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <location filename="../ui/TimelineView.cpp" line="51"/>
        <source>Type %1</source>
        <translation>类型 %1</translation>
    </message>
    <message>
        <location filename="../ui/TimelineView.cpp" line="59"/>
        <source>%1 · in %2 · out %3 · %4 s</source>
        <translation>%1 · 入点 %2 · 出点 %3 · %4 秒</translation>
    </message>
    <message>
        <location filename="../ui/TimelineView.cpp" line="81"/>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <location filename="../ui/TimelineView.cpp" line="198"/>
        <source>The timeline is empty. Add clips, then tell me what to make.</source>
        <translation>时间线是空的。添加片段，然后告诉我你想做什么。</translation>
    </message>
    <message>
        <location filename="../ui/TimelineView.cpp" line="234"/>
        <source>Total %1</source>
        <translation>总长 %1</translation>
    </message>
</context>
</TS>
