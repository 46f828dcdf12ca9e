<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ApiCall</name>
    <message>
        <location filename="../app/service/ApiCall.cpp" line="77"/>
        <location filename="../app/service/ApiCall.cpp" line="154"/>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <location filename="../app/service/ApiCall.cpp" line="112"/>
        <location filename="../app/service/ApiCall.cpp" line="124"/>
        <location filename="../app/service/ApiCall.cpp" line="176"/>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location filename="../app/service/ApiCall.cpp" line="137"/>
        <source>The answer was too large.</source>
        <translation>返回的数据过大。</translation>
    </message>
    <message>
        <location filename="../app/service/ApiCall.cpp" line="247"/>
        <source>The file can no longer be read.</source>
        <translation>该文件已无法读取。</translation>
    </message>
    <message>
        <location filename="../app/service/ApiCall.cpp" line="277"/>
        <source>rename failed</source>
        <translation>重命名失败</translation>
    </message>
</context>
<context>
    <name>ApiClient</name>
    <message>
        <location filename="../app/service/ApiClient.cpp" line="201"/>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
</context>
<context>
    <name>ApiError</name>
    <message>
        <location filename="../app/core/ApiError.cpp" line="122"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../app/core/ApiError.cpp" line="227"/>
        <location filename="../app/core/ApiError.cpp" line="310"/>
        <source>Your sign-in has expired. Clipwright will get a new token and try again.</source>
        <translation>登录已过期。Clipwright 将获取新的令牌并重试。</translation>
    </message>
    <message>
        <location filename="../app/core/ApiError.cpp" line="232"/>
        <source>The editing session was not found on the server. A new session will be started; your media may need to be added again.</source>
        <translation>服务器上找不到该剪辑会话。将开始新的会话，可能需要重新添加素材。</translation>
    </message>
    <message>
        <location filename="../app/core/ApiError.cpp" line="238"/>
        <source>You have run out of credits. Register for free to get more, or top up your account.</source>
        <translation>你的积分已用完。免费注册即可获得更多积分，或为账户充值。</translation>
    </message>
    <message>
        <location filename="../app/core/ApiError.cpp" line="244"/>
        <location filename="../app/core/ApiError.cpp" line="305"/>
        <source>The editor did not accept this request.</source>
        <translation>编辑器未接受此请求。</translation>
    </message>
    <message>
        <location filename="../app/core/ApiError.cpp" line="249"/>
        <source>This file type is not supported. Accepted types: %1.</source>
        <translation>不支持此文件类型。支持的类型：%1。</translation>
    </message>
    <message>
        <location filename="../app/core/ApiError.cpp" line="254"/>
        <location filename="../app/core/ApiError.cpp" line="329"/>
        <source>This file is larger than 500 MB. Trim it or compress it, then upload it again.</source>
        <translation>此文件大于 500 MB。请裁剪或压缩后再上传。</translation>
    </message>
    <message>
        <location filename="../app/core/ApiError.cpp" line="261"/>
        <location filename="../app/core/ApiError.cpp" line="325"/>
        <source>The requested item was not found.</source>
        <translation>找不到请求的项目。</translation>
    </message>
    <message>
        <location filename="../app/core/ApiError.cpp" line="266"/>
        <source>That cannot be done right now.</source>
        <translation>当前无法执行此操作。</translation>
    </message>
    <message>
        <location filename="../app/core/ApiError.cpp" line="271"/>
        <source>The editing engine ran into an internal error. Try again.</source>
        <translation>剪辑引擎发生内部错误，请重试。</translation>
    </message>
    <message>
        <location filename="../app/core/ApiError.cpp" line="276"/>
        <source>Could not reach the editing service. Check your connection and try again.</source>
        <translation>无法连接到剪辑服务。请检查网络连接后重试。</translation>
    </message>
    <message>
        <location filename="../app/core/ApiError.cpp" line="281"/>
        <source>The editing service took too long to answer. Try again.</source>
        <translation>剪辑服务响应超时，请重试。</translation>
    </message>
    <message>
        <location filename="../app/core/ApiError.cpp" line="285"/>
        <source>The editing service sent an answer Clipwright could not read. Try again.</source>
        <translation>剪辑服务返回了 Clipwright 无法读取的内容，请重试。</translation>
    </message>
    <message>
        <location filename="../app/core/ApiError.cpp" line="290"/>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <location filename="../app/core/ApiError.cpp" line="301"/>
        <source>The server asked for a client id. Clipwright will create one and try again.</source>
        <translation>服务器要求提供客户端 ID。Clipwright 将创建一个并重试。</translation>
    </message>
    <message>
        <location filename="../app/core/ApiError.cpp" line="315"/>
        <source>Your plan does not allow export. Register or upgrade to export.</source>
        <translation>你的套餐不支持导出。请注册或升级后再导出。</translation>
    </message>
    <message>
        <location filename="../app/core/ApiError.cpp" line="320"/>
        <source>The server refused this request.</source>
        <translation>服务器拒绝了此请求。</translation>
    </message>
    <message>
        <location filename="../app/core/ApiError.cpp" line="335"/>
        <source>Too many requests. Waiting 30 s, then trying again.</source>
        <translation>请求过于频繁。将等待 30 秒后重试。</translation>
    </message>
    <message>
        <location filename="../app/core/ApiError.cpp" line="342"/>
        <source>The editing service is having trouble (HTTP %1). Try again in a moment.</source>
        <translation>剪辑服务出现问题（HTTP %1）。请稍后重试。</translation>
    </message>
    <message>
        <location filename="../app/core/ApiError.cpp" line="350"/>
        <source>The request failed (HTTP %1, code %2).</source>
        <translation>请求失败（HTTP %1，代码 %2）。</translation>
    </message>
</context>
<context>
    <name>Draft</name>
    <message>
        <location filename="../app/core/Draft.cpp" line="287"/>
        <source>Track %1 has no id.</source>
        <translation>轨道 %1 没有 ID。</translation>
    </message>
    <message>
        <location filename="../app/core/Draft.cpp" line="289"/>
        <source>Track id %1 is used more than once.</source>
        <translation>轨道 ID %1 被重复使用。</translation>
    </message>
    <message>
        <location filename="../app/core/Draft.cpp" line="298"/>
        <source>Segment %1 on track %2 has no id.</source>
        <translation>轨道 %2 上的片段 %1 没有 ID。</translation>
    </message>
    <message>
        <location filename="../app/core/Draft.cpp" line="302"/>
        <source>Segment id %1 is used more than once.</source>
        <translation>片段 ID %1 被重复使用。</translation>
    </message>
    <message>
        <location filename="../app/core/Draft.cpp" line="307"/>
        <source>Segment %1 on track %2 starts before 0 (%3 ms).</source>
        <translation>轨道 %2 上的片段 %1 起始时间早于 0（%3 毫秒）。</translation>
    </message>
    <message>
        <location filename="../app/core/Draft.cpp" line="311"/>
        <source>Segment %1 on track %2 has a negative in-point (%3 ms).</source>
        <translation>轨道 %2 上的片段 %1 入点为负值（%3 毫秒）。</translation>
    </message>
    <message>
        <location filename="../app/core/Draft.cpp" line="315"/>
        <source>Segment %1 on track %2 has a negative length (%3 ms).</source>
        <translation>轨道 %2 上的片段 %1 长度为负值（%3 毫秒）。</translation>
    </message>
    <message>
        <location filename="../app/core/Draft.cpp" line="319"/>
        <source>Segment %1 on track %2 has zero length.</source>
        <translation>轨道 %2 上的片段 %1 长度为零。</translation>
    </message>
    <message>
        <location filename="../app/core/Draft.cpp" line="325"/>
        <source>Segment %1 on track %2 has no source media.</source>
        <translation>轨道 %2 上的片段 %1 没有源素材。</translation>
    </message>
    <message>
        <location filename="../app/core/Draft.cpp" line="330"/>
        <source>Text segment %1 on track %2 has no text.</source>
        <translation>轨道 %2 上的文字片段 %1 没有文字。</translation>
    </message>
    <message>
        <location filename="../app/core/Draft.cpp" line="341"/>
        <source>Segments %1 and %2 on track %3 overlap (%4-%5 ms).</source>
        <translation>轨道 %3 上的片段 %1 和 %2 重叠（%4-%5 毫秒）。</translation>
    </message>
    <message>
        <location filename="../app/core/Draft.cpp" line="397"/>
        <source>Timeline is empty.</source>
        <translation>时间线是空的。</translation>
    </message>
    <message>
        <location filename="../app/core/Draft.cpp" line="413"/>
        <source>empty</source>
        <translation>空</translation>
    </message>
    <message>
        <location filename="../app/core/Draft.cpp" line="455"/>
        <source>Timeline (1 track):</source>
        <translation>时间线（1 条轨道）：</translation>
    </message>
    <message>
        <location filename="../app/core/Draft.cpp" line="456"/>
        <source>Timeline (%1 tracks):</source>
        <translation>时间线（%1 条轨道）：</translation>
    </message>
</context>
<context>
    <name>DraftDiff</name>
    <message>
        <location filename="../app/core/DraftDiff.cpp" line="99"/>
        <source>Nothing changed on the timeline.</source>
        <translation>时间线没有变化。</translation>
    </message>
    <message>
        <location filename="../app/core/DraftDiff.cpp" line="104"/>
        <source>1 track added</source>
        <translation>添加了 1 条轨道</translation>
    </message>
    <message>
        <location filename="../app/core/DraftDiff.cpp" line="106"/>
        <source>%1 tracks added</source>
        <translation>添加了 %1 条轨道</translation>
    </message>
    <message>
        <location filename="../app/core/DraftDiff.cpp" line="108"/>
        <source>1 track removed</source>
        <translation>移除了 1 条轨道</translation>
    </message>
    <message>
        <location filename="../app/core/DraftDiff.cpp" line="111"/>
        <source>%1 tracks removed</source>
        <translation>移除了 %1 条轨道</translation>
    </message>
    <message>
        <location filename="../app/core/DraftDiff.cpp" line="125"/>
        <source>1 segment added</source>
        <translation>添加了 1 个片段</translation>
    </message>
    <message>
        <location filename="../app/core/DraftDiff.cpp" line="126"/>
        <source>%1 segments added</source>
        <translation>添加了 %1 个片段</translation>
    </message>
    <message>
        <location filename="../app/core/DraftDiff.cpp" line="128"/>
        <source>1 segment removed</source>
        <translation>移除了 1 个片段</translation>
    </message>
    <message>
        <location filename="../app/core/DraftDiff.cpp" line="129"/>
        <source>%1 segments removed</source>
        <translation>移除了 %1 个片段</translation>
    </message>
    <message>
        <location filename="../app/core/DraftDiff.cpp" line="131"/>
        <source>%1 removed</source>
        <translation>已移除 %1</translation>
    </message>
    <message>
        <location filename="../app/core/DraftDiff.cpp" line="133"/>
        <source>1 segment changed</source>
        <translation>修改了 1 个片段</translation>
    </message>
    <message>
        <location filename="../app/core/DraftDiff.cpp" line="134"/>
        <source>%1 segments changed</source>
        <translation>修改了 %1 个片段</translation>
    </message>
    <message>
        <location filename="../app/core/DraftDiff.cpp" line="136"/>
        <source>%1 changed</source>
        <translation>已修改 %1</translation>
    </message>
    <message>
        <location filename="../app/core/DraftDiff.cpp" line="145"/>
        <source>same length (%1)</source>
        <translation>时长不变（%1）</translation>
    </message>
    <message>
        <location filename="../app/core/DraftDiff.cpp" line="147"/>
        <source>%1 s shorter (now %2)</source>
        <translation>缩短了 %1 秒（现为 %2）</translation>
    </message>
    <message>
        <location filename="../app/core/DraftDiff.cpp" line="150"/>
        <source>%1 s longer (now %2)</source>
        <translation>延长了 %1 秒（现为 %2）</translation>
    </message>
    <message>
        <location filename="../app/core/DraftDiff.cpp" line="153"/>
        <source>Timeline changed: %1.</source>
        <translation>时间线已更改：%1。</translation>
    </message>
</context>
<context>
    <name>Interchange</name>
    <message>
        <location filename="../app/core/Interchange.cpp" line="19"/>
        <source>Final Cut Pro XML</source>
        <translation>Final Cut Pro XML</translation>
    </message>
    <message>
        <location filename="../app/core/Interchange.cpp" line="20"/>
        <source>CMX 3600 EDL</source>
        <translation>CMX 3600 EDL</translation>
    </message>
    <message>
        <location filename="../app/core/Interchange.cpp" line="21"/>
        <source>MLT XML (Shotcut, Kdenlive)</source>
        <translation>MLT XML（Shotcut、Kdenlive）</translation>
    </message>
    <message>
        <location filename="../app/core/Interchange.cpp" line="22"/>
        <source>OpenTimelineIO</source>
        <translation>OpenTimelineIO</translation>
    </message>
    <message>
        <location filename="../app/core/Interchange.cpp" line="23"/>
        <source>SubRip subtitles</source>
        <translation>SubRip 字幕</translation>
    </message>
    <message>
        <location filename="../app/core/Interchange.cpp" line="24"/>
        <source>WebVTT subtitles</source>
        <translation>WebVTT 字幕</translation>
    </message>
</context>
<context>
    <name>Profiles</name>
    <message>
        <location filename="../app/service/Profiles.cpp" line="41"/>
        <source>Local engine</source>
        <translation>本地引擎</translation>
    </message>
    <message>
        <location filename="../app/service/Profiles.cpp" line="51"/>
        <source>NemoVideo cloud</source>
        <translation>NemoVideo 云端</translation>
    </message>
    <message>
        <location filename="../app/service/Profiles.cpp" line="65"/>
        <source>Custom server</source>
        <translation>自定义服务器</translation>
    </message>
</context>
<context>
    <name>SessionState</name>
    <message>
        <location filename="../app/service/SessionState.cpp" line="28"/>
        <source>The session state is missing.</source>
        <translation>缺少会话状态。</translation>
    </message>
</context>
<context>
    <name>TokenStore</name>
    <message>
        <location filename="../app/service/KeychainTokenStore.cpp" line="70"/>
        <location filename="../app/service/TokenStore.cpp" line="28"/>
        <location filename="../app/service/TokenStore.cpp" line="51"/>
        <source>No saved value.</source>
        <translation>没有已保存的值。</translation>
    </message>
    <message>
        <location filename="../app/service/KeychainTokenStore.cpp" line="73"/>
        <source>The system keychain is not available: %1</source>
        <translation>系统钥匙串不可用：%1</translation>
    </message>
    <message>
        <location filename="../app/service/KeychainTokenStore.cpp" line="82"/>
        <source>The system keychain did not answer. Is it locked or not running?</source>
        <translation>系统钥匙串没有响应。它是否已锁定或未运行？</translation>
    </message>
</context>
<context>
    <name>cw::AgentStream</name>
    <message>
        <location filename="../app/service/AgentStream.cpp" line="34"/>
        <source>Still working…</source>
        <translation>仍在处理…</translation>
    </message>
    <message>
        <location filename="../app/service/AgentStream.cpp" line="56"/>
        <location filename="../app/service/AgentStream.cpp" line="57"/>
        <source>Cutting pauses…</source>
        <translation>正在剪掉停顿…</translation>
    </message>
    <message>
        <location filename="../app/service/AgentStream.cpp" line="58"/>
        <location filename="../app/service/AgentStream.cpp" line="59"/>
        <source>Adding music…</source>
        <translation>正在添加音乐…</translation>
    </message>
    <message>
        <location filename="../app/service/AgentStream.cpp" line="60"/>
        <source>Adding text…</source>
        <translation>正在添加文字…</translation>
    </message>
    <message>
        <location filename="../app/service/AgentStream.cpp" line="61"/>
        <source>Adding a title…</source>
        <translation>正在添加标题…</translation>
    </message>
    <message>
        <location filename="../app/service/AgentStream.cpp" line="63"/>
        <source>Adding subtitles…</source>
        <translation>正在添加字幕…</translation>
    </message>
    <message>
        <location filename="../app/service/AgentStream.cpp" line="64"/>
        <source>Adding an intro…</source>
        <translation>正在添加片头…</translation>
    </message>
    <message>
        <location filename="../app/service/AgentStream.cpp" line="66"/>
        <source>Adding transitions…</source>
        <translation>正在添加转场…</translation>
    </message>
    <message>
        <location filename="../app/service/AgentStream.cpp" line="67"/>
        <source>Trimming…</source>
        <translation>正在裁剪…</translation>
    </message>
    <message>
        <location filename="../app/service/AgentStream.cpp" line="68"/>
        <source>Splitting…</source>
        <translation>正在分割…</translation>
    </message>
    <message>
        <location filename="../app/service/AgentStream.cpp" line="70"/>
        <location filename="../app/service/AgentStream.cpp" line="72"/>
        <source>Removing a clip…</source>
        <translation>正在移除片段…</translation>
    </message>
    <message>
        <location filename="../app/service/AgentStream.cpp" line="73"/>
        <source>Moving a clip…</source>
        <translation>正在移动片段…</translation>
    </message>
    <message>
        <location filename="../app/service/AgentStream.cpp" line="74"/>
        <source>Adjusting volume…</source>
        <translation>正在调整音量…</translation>
    </message>
    <message>
        <location filename="../app/service/AgentStream.cpp" line="75"/>
        <source>Changing speed…</source>
        <translation>正在调整速度…</translation>
    </message>
    <message>
        <location filename="../app/service/AgentStream.cpp" line="76"/>
        <source>Undoing…</source>
        <translation>正在撤销…</translation>
    </message>
    <message>
        <location filename="../app/service/AgentStream.cpp" line="77"/>
        <source>Redoing…</source>
        <translation>正在重做…</translation>
    </message>
    <message>
        <location filename="../app/service/AgentStream.cpp" line="78"/>
        <source>Rendering…</source>
        <translation>正在渲染…</translation>
    </message>
    <message>
        <location filename="../app/service/AgentStream.cpp" line="85"/>
        <source>tool</source>
        <translation>工具</translation>
    </message>
    <message>
        <location filename="../app/service/AgentStream.cpp" line="88"/>
        <source>Working: %1…</source>
        <translation>处理中：%1…</translation>
    </message>
    <message>
        <location filename="../app/service/AgentStream.cpp" line="145"/>
        <source>The agent sent an event that is too large.</source>
        <translation>助手发送的事件过大。</translation>
    </message>
    <message>
        <location filename="../app/service/AgentStream.cpp" line="188"/>
        <source>%1… %2%</source>
        <translation>%1… %2%</translation>
    </message>
    <message>
        <location filename="../app/service/AgentStream.cpp" line="189"/>
        <source>%1…</source>
        <translation>%1…</translation>
    </message>
    <message>
        <location filename="../app/service/AgentStream.cpp" line="312"/>
        <source>The connection to the editing engine was lost before the agent finished, and the current state could not be read: %1</source>
        <translation>在助手完成之前与剪辑引擎的连接已断开，且无法读取当前状态：%1</translation>
    </message>
    <message>
        <location filename="../app/service/AgentStream.cpp" line="327"/>
        <source>The connection to the agent was interrupted before it finished. Nothing changed on the timeline; try again.</source>
        <translation>与助手的连接在完成前中断。时间线没有变化，请重试。</translation>
    </message>
    <message>
        <location filename="../app/service/AgentStream.cpp" line="334"/>
        <source>The connection to the agent was interrupted, but the edit was saved. %1</source>
        <translation>与助手的连接已中断，但编辑已保存。%1</translation>
    </message>
</context>
<context>
    <name>cw::Backend</name>
    <message>
        <location filename="../app/service/Backend.cpp" line="23"/>
        <source>Local engine restarted.</source>
        <translation>本地引擎已重新启动。</translation>
    </message>
    <message>
        <location filename="../app/service/Backend.cpp" line="42"/>
        <source>Continuing the export that was running.</source>
        <translation>正在继续之前进行中的导出。</translation>
    </message>
    <message>
        <location filename="../app/service/Backend.cpp" line="45"/>
        <source>Connected to %1.</source>
        <translation>已连接到 %1。</translation>
    </message>
    <message>
        <location filename="../app/service/Backend.cpp" line="75"/>
        <source>Opening a session…</source>
        <translation>正在打开会话…</translation>
    </message>
    <message>
        <location filename="../app/service/Backend.cpp" line="109"/>
        <source>The sign-in expired; continuing without an account.</source>
        <translation>登录已过期，将以未登录状态继续。</translation>
    </message>
    <message>
        <location filename="../app/service/Backend.cpp" line="118"/>
        <source>The local engine needs no sign-in.</source>
        <translation>本地引擎无需登录。</translation>
    </message>
    <message>
        <location filename="../app/service/Backend.cpp" line="123"/>
        <location filename="../app/service/Backend.cpp" line="194"/>
        <source>No system keychain is available to keep the sign-in token safe, so Clipwright cannot sign in to %1.</source>
        <translation>没有可用的系统钥匙串来安全保存登录令牌，因此 Clipwright 无法登录 %1。</translation>
    </message>
    <message>
        <location filename="../app/service/Backend.cpp" line="129"/>
        <location filename="../app/service/Backend.cpp" line="202"/>
        <source>Signing in to %1…</source>
        <translation>正在登录 %1…</translation>
    </message>
    <message>
        <location filename="../app/service/Backend.cpp" line="132"/>
        <source>Signed in to %1.</source>
        <translation>已登录 %1。</translation>
    </message>
    <message>
        <location filename="../app/service/Backend.cpp" line="148"/>
        <source>Signed out; continuing without an account.</source>
        <translation>已退出登录，将以未登录状态继续。</translation>
    </message>
    <message>
        <location filename="../app/service/Backend.cpp" line="165"/>
        <source>Signed in (NEMO_TOKEN)</source>
        <translation>已登录（NEMO_TOKEN）</translation>
    </message>
    <message>
        <location filename="../app/service/Backend.cpp" line="167"/>
        <source>Signed in</source>
        <translation>已登录</translation>
    </message>
    <message>
        <location filename="../app/service/Backend.cpp" line="170"/>
        <source>Anonymous</source>
        <translation>匿名</translation>
    </message>
    <message>
        <location filename="../app/service/Backend.cpp" line="174"/>
        <source>Not signed in</source>
        <translation>未登录</translation>
    </message>
    <message>
        <location filename="../app/service/Backend.cpp" line="185"/>
        <source>Starting the local engine…</source>
        <translation>正在启动本地引擎…</translation>
    </message>
    <message>
        <location filename="../app/service/Backend.cpp" line="190"/>
        <source>The server address of this profile is not valid.</source>
        <translation>此配置的服务器地址无效。</translation>
    </message>
</context>
<context>
    <name>cw::ChatInput</name>
    <message>
        <location filename="../ui/ChatInput.cpp" line="13"/>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <location filename="../ui/ChatInput.cpp" line="14"/>
        <source>Tell me what to make… (Enter sends, Shift+Enter for a new line)</source>
        <translation>告诉我你想做什么…（Enter 发送，Shift+Enter 换行）</translation>
    </message>
</context>
<context>
    <name>cw::ChatPanel</name>
    <message>
        <location filename="../ui/ChatPanel.cpp" line="19"/>
        <source>Chat</source>
        <translation>聊天</translation>
    </message>
    <message>
        <location filename="../ui/ChatPanel.cpp" line="25"/>
        <source>Actions for the last message</source>
        <translation>上一条消息的操作</translation>
    </message>
    <message>
        <location filename="../ui/ChatPanel.cpp" line="33"/>
        <source>Agent progress</source>
        <translation>助手进度</translation>
    </message>
    <message>
        <location filename="../ui/ChatPanel.cpp" line="40"/>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location filename="../ui/ChatPanel.cpp" line="42"/>
        <source>Send message</source>
        <translation>发送消息</translation>
    </message>
    <message>
        <location filename="../ui/ChatPanel.cpp" line="43"/>
        <source>Send (Enter)</source>
        <translation>发送（Enter）</translation>
    </message>
    <message>
        <location filename="../ui/ChatPanel.cpp" line="45"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../ui/ChatPanel.cpp" line="47"/>
        <source>Stop the agent</source>
        <translation>停止助手</translation>
    </message>
    <message>
        <location filename="../ui/ChatPanel.cpp" line="48"/>
        <source>Stop (Esc)</source>
        <translation>停止（Esc）</translation>
    </message>
    <message>
        <location filename="../ui/ChatPanel.cpp" line="84"/>
        <source>Cut the pauses</source>
        <translation>剪掉停顿</translation>
    </message>
    <message>
        <location filename="../ui/ChatPanel.cpp" line="85"/>
        <source>Show the tracks</source>
        <translation>显示轨道</translation>
    </message>
    <message>
        <location filename="../ui/ChatPanel.cpp" line="86"/>
        <source>Export 1080p MP4</source>
        <translation>导出 1080p MP4</translation>
    </message>
    <message>
        <location filename="../ui/ChatPanel.cpp" line="91"/>
        <source>Suggestion: %1</source>
        <translation>建议：%1</translation>
    </message>
    <message>
        <location filename="../ui/ChatPanel.cpp" line="148"/>
        <source>Thinking…</source>
        <translation>思考中…</translation>
    </message>
</context>
<context>
    <name>cw::ChatTranscript</name>
    <message>
        <location filename="../ui/ChatTranscript.cpp" line="15"/>
        <source>Conversation</source>
        <translation>对话</translation>
    </message>
    <message>
        <location filename="../ui/ChatTranscript.cpp" line="95"/>
        <source>You</source>
        <translation>你</translation>
    </message>
    <message>
        <location filename="../ui/ChatTranscript.cpp" line="99"/>
        <source>Clipwright</source>
        <translation>Clipwright</translation>
    </message>
    <message>
        <location filename="../ui/ChatTranscript.cpp" line="102"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../ui/ChatTranscript.cpp" line="19"/>
        <source>Drop clips on the left, then tell me what to make, for example “cut the pauses and add a title that says Urban Dreams”.</source>
        <translation>把片段拖到左侧，然后告诉我你想做什么，例如“剪掉停顿，并添加标题 Urban Dreams”。</translation>
    </message>
</context>
<context>
    <name>cw::CloudAuth</name>
    <message>
        <location filename="../app/service/CloudAuth.cpp" line="58"/>
        <location filename="../app/service/CloudAuth.cpp" line="128"/>
        <location filename="../app/service/CloudAuth.cpp" line="165"/>
        <source>No secure storage for the sign-in token is available.</source>
        <translation>没有可用于保存登录令牌的安全存储。</translation>
    </message>
    <message>
        <location filename="../app/service/CloudAuth.cpp" line="68"/>
        <location filename="../app/service/CloudAuth.cpp" line="87"/>
        <location filename="../app/service/CloudAuth.cpp" line="104"/>
        <source>Could not read the system keychain: %1</source>
        <translation>无法读取系统钥匙串：%1</translation>
    </message>
    <message>
        <location filename="../app/service/CloudAuth.cpp" line="127"/>
        <source>Paste a sign-in token first.</source>
        <translation>请先粘贴登录令牌。</translation>
    </message>
    <message>
        <location filename="../app/service/CloudAuth.cpp" line="142"/>
        <source>The server did not accept this sign-in token.</source>
        <translation>服务器未接受此登录令牌。</translation>
    </message>
    <message>
        <location filename="../app/service/CloudAuth.cpp" line="143"/>
        <location filename="../app/service/CloudAuth.cpp" line="208"/>
        <source>Could not sign in: %1</source>
        <translation>无法登录：%1</translation>
    </message>
    <message>
        <location filename="../app/service/CloudAuth.cpp" line="151"/>
        <source>Could not keep the sign-in token in the system keychain: %1</source>
        <translation>无法将登录令牌保存到系统钥匙串：%1</translation>
    </message>
    <message>
        <location filename="../app/service/CloudAuth.cpp" line="172"/>
        <source>Could not remove the sign-in token from the system keychain: %1</source>
        <translation>无法从系统钥匙串中移除登录令牌：%1</translation>
    </message>
</context>
<context>
    <name>cw::EditorSession</name>
    <message>
        <location filename="../app/service/EditorSession.cpp" line="256"/>
        <source>The editor sent a timeline Clipwright could not read: %1</source>
        <translation>编辑器发送了 Clipwright 无法读取的时间线：%1</translation>
    </message>
    <message>
        <location filename="../app/service/EditorSession.cpp" line="320"/>
        <source>Stopped. An edit that was already being applied may still finish; undo takes it back.</source>
        <translation>已停止。正在应用的修改可能仍会完成；撤销即可恢复。</translation>
    </message>
    <message>
        <location filename="../app/service/EditorSession.cpp" line="331"/>
        <location filename="../app/service/EditorSessionExport.cpp" line="71"/>
        <location filename="../app/service/EditorSessionFrame.cpp" line="27"/>
        <location filename="../app/service/EditorSessionMedia.cpp" line="225"/>
        <source>Not connected to the editor yet. Wait a moment and try again.</source>
        <translation>尚未连接到编辑器。请稍候再试。</translation>
    </message>
    <message>
        <location filename="../app/service/EditorSession.cpp" line="335"/>
        <source>The agent is still working on your previous message.</source>
        <translation>助手仍在处理你的上一条消息。</translation>
    </message>
    <message>
        <location filename="../app/service/EditorSession.cpp" line="343"/>
        <location filename="../app/service/EditorSessionExport.cpp" line="95"/>
        <source>There is nothing to export yet. Add a clip first.</source>
        <translation>还没有可导出的内容。请先添加片段。</translation>
    </message>
    <message>
        <location filename="../app/service/EditorSession.cpp" line="346"/>
        <source>Choose where to save the video, then Clipwright renders it.</source>
        <translation>选择视频的保存位置，然后 Clipwright 会进行渲染。</translation>
    </message>
    <message>
        <location filename="../app/service/EditorSession.cpp" line="351"/>
        <source>Drop files into the window, or use Add media, to upload them.</source>
        <translation>将文件拖放到窗口中，或使用“添加素材”来上传。</translation>
    </message>
    <message>
        <location filename="../app/service/EditorSession.cpp" line="364"/>
        <source>The local engine has no credit limit.</source>
        <translation>本地引擎没有积分限制。</translation>
    </message>
    <message>
        <location filename="../app/service/EditorSession.cpp" line="365"/>
        <source>Credits: %1 available, %2 reserved.</source>
        <translation>积分：可用 %1，已预留 %2。</translation>
    </message>
    <message>
        <location filename="../app/service/EditorSessionExport.cpp" line="52"/>
        <source>An export is already running.</source>
        <translation>已有导出正在进行。</translation>
    </message>
    <message>
        <location filename="../app/service/EditorSessionExport.cpp" line="57"/>
        <source>Unknown export format &quot;%1&quot;.</source>
        <translation>未知的导出格式“%1”。</translation>
    </message>
    <message>
        <location filename="../app/service/EditorSessionExport.cpp" line="62"/>
        <source>Choose a file name for the exported video.</source>
        <translation>请为导出的视频选择文件名。</translation>
    </message>
    <message>
        <location filename="../app/service/EditorSessionExport.cpp" line="67"/>
        <source>The folder %1 does not exist.</source>
        <translation>文件夹 %1 不存在。</translation>
    </message>
    <message>
        <location filename="../app/service/EditorSessionExport.cpp" line="91"/>
        <source>Could not read the timeline to export it.</source>
        <translation>无法读取时间线以进行导出。</translation>
    </message>
    <message>
        <location filename="../app/service/EditorSessionExport.cpp" line="130"/>
        <source>Export cancelled.</source>
        <translation>导出已取消。</translation>
    </message>
    <message>
        <location filename="../app/service/EditorSessionExport.cpp" line="141"/>
        <source>Short %1 is not in this edit any more; make the shorts again.</source>
        <translation>这个剪辑里已经没有短视频 %1 了；请重新生成短视频。</translation>
    </message>
    <message>
        <location filename="../app/service/EditorSessionExport.cpp" line="180"/>
        <location filename="../app/service/EditorSessionExport.cpp" line="219"/>
        <source>The export failed.</source>
        <translation>导出失败。</translation>
    </message>
    <message>
        <location filename="../app/service/EditorSessionExport.cpp" line="181"/>
        <location filename="../app/service/EditorSessionExport.cpp" line="220"/>
        <source>The export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
    <message>
        <location filename="../app/service/EditorSessionExport.cpp" line="208"/>
        <source>The export job was lost (the editor was restarted). Export again.</source>
        <translation>导出任务已丢失（编辑器已重新启动）。请重新导出。</translation>
    </message>
    <message>
        <location filename="../app/service/EditorSessionExport.cpp" line="297"/>
        <source>Register here: %1</source>
        <translation>在此注册：%1</translation>
    </message>
    <message>
        <location filename="../app/service/EditorSessionHandoff.cpp" line="51"/>
        <source>&quot;%1&quot; is not a format Clipwright can export to.</source>
        <translation>“%1”不是 Clipwright 可以导出的格式。</translation>
    </message>
    <message>
        <location filename="../app/service/EditorSessionHandoff.cpp" line="53"/>
        <source>No file was chosen for the export.</source>
        <translation>未选择导出文件。</translation>
    </message>
    <message>
        <location filename="../app/service/EditorSessionHandoff.cpp" line="60"/>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location filename="../app/service/EditorSessionFrame.cpp" line="25"/>
        <location filename="../app/service/EditorSessionMedia.cpp" line="221"/>
        <source>A preview of the edit needs the local engine.</source>
        <translation>预览剪辑需要使用本地引擎。</translation>
    </message>
    <message>
        <location filename="../app/service/EditorSessionFrame.cpp" line="29"/>
        <location filename="../app/service/EditorSessionMedia.cpp" line="229"/>
        <source>There is nothing to preview yet. Add a clip first.</source>
        <translation>还没有可预览的内容。请先添加片段。</translation>
    </message>
    <message>
        <location filename="../app/service/EditorSessionFrame.cpp" line="53"/>
        <source>The engine sent no picture.</source>
        <translation>引擎没有返回画面。</translation>
    </message>
    <message>
        <location filename="../app/service/EditorSessionMedia.cpp" line="237"/>
        <source>There is no folder to keep the preview in.</source>
        <translation>没有可存放预览的文件夹。</translation>
    </message>
    <message>
        <location filename="../app/service/EditorSessionMedia.cpp" line="350"/>
        <source>The preview could not be made.</source>
        <translation>无法生成预览。</translation>
    </message>
    <message>
        <location filename="../app/service/EditorSessionMedia.cpp" line="351"/>
        <source>The preview could not be made: %1</source>
        <translation>无法生成预览：%1</translation>
    </message>
    <message>
        <location filename="../app/service/EditorSessionUpload.cpp" line="25"/>
        <source>%1 does not exist.</source>
        <translation>%1 不存在。</translation>
    </message>
    <message>
        <location filename="../app/service/EditorSessionUpload.cpp" line="27"/>
        <source>%1 is not a file.</source>
        <translation>%1 不是文件。</translation>
    </message>
    <message>
        <location filename="../app/service/EditorSessionUpload.cpp" line="29"/>
        <source>%1 is not a supported file type. Accepted types: %2.</source>
        <translation>%1 不是支持的文件类型。支持的类型：%2。</translation>
    </message>
    <message>
        <location filename="../app/service/EditorSessionUpload.cpp" line="32"/>
        <source>%1 is larger than 500 MB. Trim it or compress it, then add it again.</source>
        <translation>%1 大于 500 MB。请裁剪或压缩后再添加。</translation>
    </message>
    <message>
        <location filename="../app/service/EditorSessionUpload.cpp" line="36"/>
        <source>%1 is empty.</source>
        <translation>%1 是空文件。</translation>
    </message>
    <message>
        <location filename="../app/service/EditorSessionUpload.cpp" line="38"/>
        <source>%1 cannot be read. Check its permissions.</source>
        <translation>无法读取 %1。请检查其权限。</translation>
    </message>
    <message>
        <location filename="../app/service/EditorSessionUpload.cpp" line="63"/>
        <source>The folder %1 has no files Clipwright can use. Accepted types: %2.</source>
        <translation>文件夹 %1 中没有 Clipwright 可用的文件。支持的类型：%2。</translation>
    </message>
    <message>
        <location filename="../app/service/EditorSessionUpload.cpp" line="79"/>
        <source>Not connected to the editor yet. Wait a moment and add the file again.</source>
        <translation>尚未连接到编辑器。请稍候再添加该文件。</translation>
    </message>
    <message>
        <location filename="../app/service/EditorSessionUpload.cpp" line="96"/>
        <source>Only http:// and https:// links can be added.</source>
        <translation>只能添加 http:// 和 https:// 链接。</translation>
    </message>
    <message>
        <location filename="../app/service/EditorSessionUpload.cpp" line="100"/>
        <source>Links with a user name or password are not supported.</source>
        <translation>不支持包含用户名或密码的链接。</translation>
    </message>
    <message>
        <location filename="../app/service/EditorSessionUpload.cpp" line="104"/>
        <source>Not connected to the editor yet. Wait a moment and add the link again.</source>
        <translation>尚未连接到编辑器。请稍候再添加该链接。</translation>
    </message>
    <message>
        <location filename="../app/service/EditorSessionUpload.cpp" line="120"/>
        <location filename="../app/service/EditorSessionUpload.cpp" line="169"/>
        <source>Upload cancelled.</source>
        <translation>上传已取消。</translation>
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
        <location filename="../ui/ExportDialog.cpp" line="48"/>
        <source>MP4 video (H.264)</source>
        <translation>MP4 视频（H.264）</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="49"/>
        <source>MOV video (H.264)</source>
        <translation>MOV 视频（H.264）</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="50"/>
        <source>WebM video (VP9)</source>
        <translation>WebM 视频（VP9）</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="51"/>
        <source>GIF animation (480 px, 12 fps, up to 60 s)</source>
        <translation>GIF 动图（480 像素，12 帧/秒，最长 60 秒）</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="52"/>
        <source>Audio only: MP3</source>
        <translation>仅音频：MP3</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="53"/>
        <source>Audio only: M4A (AAC)</source>
        <translation>仅音频：M4A（AAC）</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="54"/>
        <source>Audio only: WAV</source>
        <translation>仅音频：WAV</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="60"/>
        <location filename="../ui/ExportDialog.cpp" line="61"/>
        <source>Export video</source>
        <translation>导出视频</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="65"/>
        <source>What to export</source>
        <translation>要导出的内容</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="66"/>
        <location filename="../ui/ExportDialog.cpp" line="190"/>
        <source>The whole edit</source>
        <translation>整个剪辑</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="70"/>
        <source>Largest file size in megabytes</source>
        <translation>最大文件大小（MB）</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="72"/>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="73"/>
        <source>No limit</source>
        <translation>不限制</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="74"/>
        <source>The export is compressed to stay under this size (0: no limit).</source>
        <translation>导出时会压缩到这个大小以内（0：不限制）。</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="78"/>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="86"/>
        <source>Size</source>
        <translation>尺寸</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="91"/>
        <source>Keep the source&apos;s codec (fast export)</source>
        <translation>保留原视频编码（快速导出）</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="93"/>
        <source>Phone recordings in HEVC stay HEVC: the parts the edit does not touch are copied and only the frames around cuts are re-encoded, which is much faster for long recordings. Some older players cannot play HEVC. MP4 only, without a size limit.</source>
        <translation>手机录制的 HEVC 视频保持 HEVC：未改动的部分直接复制，只重新编码剪辑点附近的画面，长视频导出快得多。部分旧播放器无法播放 HEVC。仅限 MP4，且不设文件大小上限。</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="100"/>
        <source>File name</source>
        <translation>文件名</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="106"/>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="108"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="110"/>
        <source>Choose the folder</source>
        <translation>选择文件夹</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="126"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="128"/>
        <source>Start the export</source>
        <translation>开始导出</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="131"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="136"/>
        <source>&amp;What:</source>
        <translation>内容(&amp;W)：</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="138"/>
        <source>&amp;Format:</source>
        <translation>格式(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="139"/>
        <source>Si&amp;ze:</source>
        <translation>尺寸(&amp;Z)：</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="140"/>
        <source>&amp;Max file size:</source>
        <translation>最大文件大小(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="142"/>
        <source>File &amp;name:</source>
        <translation>文件名(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="144"/>
        <source>F&amp;older:</source>
        <translation>文件夹(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="194"/>
        <source>Short %1 (%2:%3)</source>
        <translation>短视频 %1（%2:%3）</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ExportDialog.cpp" line="198"/>
        <source>All %n shorts, one file each</source>
        <translation>
            <numerusform>全部 %n 条短视频，每条一个文件</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="261"/>
        <source>Enter a file name.</source>
        <translation>请输入文件名。</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="263"/>
        <source>The file name cannot contain / \ : * ? &quot; &lt; &gt; |.</source>
        <translation>文件名不能包含 / \ : * ? &quot; &lt; &gt; |。</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="265"/>
        <source>Choose a folder.</source>
        <translation>请选择文件夹。</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ExportDialog.cpp" line="274"/>
        <source>Writes %n files: %1</source>
        <translation>
            <numerusform>将写入 %n 个文件：%1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="286"/>
        <source>Export folder</source>
        <translation>导出文件夹</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="300"/>
        <source>A folder with this name exists; choose another name.</source>
        <translation>已存在同名文件夹，请换一个名称。</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="306"/>
        <source>Replace file?</source>
        <translation>替换文件？</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="307"/>
        <source>%1 already exists. Replace it?</source>
        <translation>%1 已存在。要替换吗？</translation>
    </message>
</context>
<context>
    <name>cw::ExportSettings</name>
    <message>
        <source>1080p (1920×1080, 16:9)</source>
        <translation type="vanished">1080p 横屏（1920×1080，16:9）</translation>
    </message>
    <message>
        <location filename="../ui/ExportSettings.cpp" line="20"/>
        <source>1080p (the edit&apos;s frame: 1920×1080 for 16:9)</source>
        <translation>1080p（按剪辑画幅：16:9 为 1920×1080）</translation>
    </message>
    <message>
        <location filename="../ui/ExportSettings.cpp" line="23"/>
        <source>Vertical (1080×1920, 9:16)</source>
        <translation>竖屏（1080×1920，9:16）</translation>
    </message>
    <message>
        <location filename="../ui/ExportSettings.cpp" line="25"/>
        <source>Square (1080×1080, 1:1)</source>
        <translation>方形（1080×1080，1:1）</translation>
    </message>
    <message>
        <location filename="../ui/ExportSettings.cpp" line="27"/>
        <source>720p (the edit&apos;s frame: 1280×720 for 16:9)</source>
        <translation>720p（按剪辑画幅：16:9 为 1280×720）</translation>
    </message>
    <message>
        <location filename="../ui/ExportSettings.cpp" line="30"/>
        <source>4K (the edit&apos;s frame: 3840×2160 for 16:9)</source>
        <translation>4K（按剪辑画幅：16:9 为 3840×2160）</translation>
    </message>
    <message>
        <source>720p (1280×720, 16:9)</source>
        <translation type="vanished">720p 横屏（1280×720，16:9）</translation>
    </message>
    <message>
        <source>4K (3840×2160, 16:9)</source>
        <translation type="vanished">4K 横屏（3840×2160，16:9）</translation>
    </message>
</context>
<context>
    <name>cw::LocalEngine</name>
    <message>
        <location filename="../app/service/LocalEngine.cpp" line="102"/>
        <source>Could not find the Clipwright engine (clipwright-engine). Reinstall Clipwright or set CLIPWRIGHT_ENGINE to its path.</source>
        <translation>找不到 Clipwright 引擎（clipwright-engine）。请重新安装 Clipwright，或将 CLIPWRIGHT_ENGINE 设置为其路径。</translation>
    </message>
    <message>
        <location filename="../app/service/LocalEngine.cpp" line="115"/>
        <source>Could not create the engine data folder %1.</source>
        <translation>无法创建引擎数据文件夹 %1。</translation>
    </message>
    <message>
        <location filename="../app/service/LocalEngine.cpp" line="145"/>
        <source>Could not start the Clipwright engine: %1</source>
        <translation>无法启动 Clipwright 引擎：%1</translation>
    </message>
    <message>
        <location filename="../app/service/LocalEngine.cpp" line="198"/>
        <source>The Clipwright engine started but does not answer: %1</source>
        <translation>Clipwright 引擎已启动但没有响应：%1</translation>
    </message>
    <message>
        <location filename="../app/service/LocalEngine.cpp" line="212"/>
        <source>The Clipwright engine did not start within %1 s.</source>
        <translation>Clipwright 引擎未能在 %1 秒内启动。</translation>
    </message>
    <message>
        <location filename="../app/service/LocalEngine.cpp" line="222"/>
        <source>it crashed</source>
        <translation>已崩溃</translation>
    </message>
    <message>
        <location filename="../app/service/LocalEngine.cpp" line="223"/>
        <source>it exited with code %1</source>
        <translation>退出代码为 %1</translation>
    </message>
    <message>
        <location filename="../app/service/LocalEngine.cpp" line="228"/>
        <source>The Clipwright engine stopped while starting (%1).</source>
        <translation>Clipwright 引擎在启动过程中停止（%1）。</translation>
    </message>
    <message>
        <location filename="../app/service/LocalEngine.cpp" line="229"/>
        <source>The Clipwright engine stopped while starting (%1): %2</source>
        <translation>Clipwright 引擎在启动过程中停止（%1）：%2</translation>
    </message>
    <message>
        <location filename="../app/service/LocalEngine.cpp" line="238"/>
        <source>The local engine stopped unexpectedly (%1) and is being restarted.</source>
        <translation>本地引擎意外停止（%1），正在重新启动。</translation>
    </message>
    <message>
        <location filename="../app/service/LocalEngine.cpp" line="244"/>
        <source>The local engine stopped unexpectedly (%1). Restart Clipwright to continue editing.</source>
        <translation>本地引擎意外停止（%1）。请重新启动 Clipwright 以继续剪辑。</translation>
    </message>
</context>
<context>
    <name>cw::MainWindow</name>
    <message>
        <location filename="../ui/MainWindow.cpp" line="28"/>
        <source>Clipwright</source>
        <translation>Clipwright</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="46"/>
        <source>Backend and connection</source>
        <translation>后端与连接</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="50"/>
        <source>Running jobs</source>
        <translation>正在运行的任务</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="54"/>
        <source>Credits</source>
        <translation>积分</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="60"/>
        <location filename="../ui/MainWindowSession.cpp" line="27"/>
        <location filename="../ui/MainWindowSession.cpp" line="106"/>
        <source>connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="60"/>
        <location filename="../ui/MainWindow.cpp" line="109"/>
        <source>connecting…</source>
        <translation>连接中…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="62"/>
        <source>no backend</source>
        <translation>无后端</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="68"/>
        <location filename="../ui/MainWindow.cpp" line="70"/>
        <source>Local engine</source>
        <translation>本地引擎</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="72"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="73"/>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="79"/>
        <source>No jobs running</source>
        <translation>没有正在运行的任务</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="81"/>
        <source>1 job running: export %1%</source>
        <translation>1 个任务运行中：导出 %1%</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="94"/>
        <source>Top up or register</source>
        <translation>充值或注册</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="95"/>
        <location filename="../ui/MainWindowSession.cpp" line="31"/>
        <source>Open settings</source>
        <translation>打开设置</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="98"/>
        <source>Open link</source>
        <translation>打开链接</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowActions.cpp" line="36"/>
        <source>&amp;Add media…</source>
        <translation>添加素材(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowActions.cpp" line="38"/>
        <source>Add video, audio or image files</source>
        <translation>添加视频、音频或图片文件</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowActions.cpp" line="41"/>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowActions.cpp" line="43"/>
        <source>Export the edit as an MP4 video (Ctrl+E)</source>
        <translation>将剪辑导出为 MP4 视频（Ctrl+E）</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowActions.cpp" line="46"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowActions.cpp" line="48"/>
        <source>Undo the last edit (Ctrl+Z)</source>
        <translation>撤销上一次编辑（Ctrl+Z）</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowActions.cpp" line="52"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowActions.cpp" line="54"/>
        <source>Redo the edit you undid (Ctrl+Shift+Z)</source>
        <translation>重做已撤销的编辑（Ctrl+Shift+Z）</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowActions.cpp" line="58"/>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowActions.cpp" line="64"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowActions.cpp" line="68"/>
        <source>Zoom Timeline to &amp;Fit</source>
        <translation>时间线缩放至适合(&amp;F)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowActions.cpp" line="72"/>
        <source>Show &amp;chat</source>
        <translation>显示聊天(&amp;C)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowActions.cpp" line="77"/>
        <source>Show or hide the chat panel (Ctrl+Shift+C)</source>
        <translation>显示或隐藏聊天面板 (Ctrl+Shift+C)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowActions.cpp" line="80"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowActions.cpp" line="86"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowActions.cpp" line="91"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowActions.cpp" line="94"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowActions.cpp" line="95"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowActions.cpp" line="109"/>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowActions.cpp" line="122"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowActions.cpp" line="146"/>
        <source>Add media</source>
        <translation>添加素材</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowActions.cpp" line="147"/>
        <source>Media files (%1);;All files (*)</source>
        <translation>媒体文件 (%1);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowActions.cpp" line="157"/>
        <source>Not connected to a backend.</source>
        <translation>未连接到后端。</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowActions.cpp" line="183"/>
        <location filename="../ui/MainWindowExport.cpp" line="90"/>
        <source>Nothing to export yet: add a clip first.</source>
        <translation>还没有可导出的内容：请先添加片段。</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowActions.cpp" line="246"/>
        <source>Exporting to %1…</source>
        <translation>正在导出到 %1…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowSession.cpp" line="29"/>
        <source>not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowSession.cpp" line="30"/>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowSession.cpp" line="113"/>
        <source>Credits: %1</source>
        <translation>积分：%1</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowSession.cpp" line="122"/>
        <source>Added %1</source>
        <translation>已添加 %1</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowSession.cpp" line="128"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowSession.cpp" line="158"/>
        <location filename="../ui/MainWindowSession.cpp" line="159"/>
        <source>Export finished: %1</source>
        <translation>导出完成：%1</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowSession.cpp" line="172"/>
        <source>Export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowExport.cpp" line="30"/>
        <source>Final Cut Pro XML (.fcpxml)…</source>
        <translation>Final Cut Pro XML (.fcpxml)…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowExport.cpp" line="31"/>
        <source>CMX 3600 EDL (.edl)…</source>
        <translation>CMX 3600 EDL (.edl)…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowExport.cpp" line="32"/>
        <source>Shotcut / Kdenlive MLT (.mlt)…</source>
        <translation>Shotcut / Kdenlive MLT (.mlt)…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowExport.cpp" line="33"/>
        <source>OpenTimelineIO (.otio)…</source>
        <translation>OpenTimelineIO (.otio)…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowExport.cpp" line="34"/>
        <source>SubRip subtitles (.srt)…</source>
        <translation>SubRip 字幕 (.srt)…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowExport.cpp" line="35"/>
        <source>WebVTT subtitles (.vtt)…</source>
        <translation>WebVTT 字幕 (.vtt)…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowExport.cpp" line="50"/>
        <source>Export for &amp;other editors</source>
        <translation>导出到其他剪辑软件(&amp;O)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowExport.cpp" line="73"/>
        <source>%1 is a folder; choose a file name.</source>
        <translation>%1 是文件夹，请选择文件名。</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowExport.cpp" line="79"/>
        <source>Replace file?</source>
        <translation>替换文件？</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowExport.cpp" line="80"/>
        <source>%1 already exists. Replace it?</source>
        <translation>%1 已存在。要替换吗？</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowExport.cpp" line="103"/>
        <source>Export for other editors</source>
        <translation>导出到其他剪辑软件</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowExport.cpp" line="104"/>
        <source>%1 files (*.%2)</source>
        <translation>%1 文件 (*.%2)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowExport.cpp" line="117"/>
        <source>Could not export for other editors: %1</source>
        <translation>无法导出到其他剪辑软件：%1</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowExport.cpp" line="118"/>
        <source>unknown error</source>
        <translation>未知错误</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowExport.cpp" line="122"/>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowExport.cpp" line="124"/>
        <source>Saved for other editors: %1</source>
        <translation>已导出到其他剪辑软件：%1</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowExport.cpp" line="125"/>
        <source>Show in folder</source>
        <translation>在文件夹中显示</translation>
    </message>
</context>
<context>
    <name>cw::MediaBin</name>
    <message>
        <location filename="../ui/MediaBin.cpp" line="86"/>
        <source>Media bin</source>
        <translation>素材箱</translation>
    </message>
    <message>
        <location filename="../ui/MediaBin.cpp" line="89"/>
        <source>Drop video, audio or image files or folders here</source>
        <translation>将视频、音频、图片文件或文件夹拖放到这里</translation>
    </message>
    <message>
        <location filename="../ui/MediaBin.cpp" line="106"/>
        <source>Clips</source>
        <translation>片段</translation>
    </message>
    <message>
        <location filename="../ui/MediaBin.cpp" line="110"/>
        <source>Add media…</source>
        <translation>添加素材…</translation>
    </message>
    <message>
        <location filename="../ui/MediaBin.cpp" line="112"/>
        <source>Add media</source>
        <translation>添加素材</translation>
    </message>
    <message>
        <location filename="../ui/MediaBin.cpp" line="113"/>
        <source>Add video, audio or image files (Ctrl+O)</source>
        <translation>添加视频、音频或图片文件（Ctrl+O）</translation>
    </message>
    <message>
        <location filename="../ui/MediaBin.cpp" line="186"/>
        <source>%1: not a supported video, audio or image file</source>
        <translation>%1：不是支持的视频、音频或图片文件</translation>
    </message>
    <message>
        <location filename="../ui/MediaBin.cpp" line="188"/>
        <source>%1: larger than %2 MiB</source>
        <translation>%1：大于 %2 MiB</translation>
    </message>
    <message>
        <location filename="../ui/MediaBin.cpp" line="203"/>
        <source>%1: the folder has no media files</source>
        <translation>%1：该文件夹中没有媒体文件</translation>
    </message>
    <message>
        <location filename="../ui/MediaBin.cpp" line="205"/>
        <source>%1: file not found</source>
        <translation>%1：找不到文件</translation>
    </message>
    <message>
        <location filename="../ui/MediaBin.cpp" line="246"/>
        <source>Uploading… %1%</source>
        <translation>上传中… %1%</translation>
    </message>
    <message>
        <location filename="../ui/MediaBin.cpp" line="252"/>
        <source>Upload failed: %1</source>
        <translation>上传失败：%1</translation>
    </message>
    <message>
        <location filename="../ui/MediaBin.cpp" line="283"/>
        <source>%1 × %2, %3 fps</source>
        <translation>%1 × %2，%3 fps</translation>
    </message>
</context>
<context>
    <name>cw::PreviewPane</name>
    <message>
        <location filename="../ui/PreviewPane.cpp" line="41"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../ui/PreviewPane.cpp" line="47"/>
        <source>What the preview shows</source>
        <translation>预览内容</translation>
    </message>
    <message>
        <location filename="../ui/PreviewPane.cpp" line="48"/>
        <source>Source clip</source>
        <translation>源片段</translation>
    </message>
    <message>
        <location filename="../ui/PreviewPane.cpp" line="49"/>
        <source>Current edit</source>
        <translation>当前剪辑</translation>
    </message>
    <message>
        <location filename="../ui/PreviewPaneEdit.cpp" line="232"/>
        <source>Select a clip to preview it</source>
        <translation>选择一个片段进行预览</translation>
    </message>
    <message>
        <location filename="../ui/PreviewPaneEdit.cpp" line="235"/>
        <source>Drop video clips anywhere on this window, then tell me in the chat what to make. Your edit plays here.</source>
        <translation>把视频片段拖到窗口任意位置，然后在聊天里告诉我想做什么。剪辑会在这里播放。</translation>
    </message>
    <message>
        <location filename="../ui/PreviewPaneEdit.cpp" line="248"/>
        <source>Updating… %1%</source>
        <translation>正在更新… %1%</translation>
    </message>
    <message>
        <location filename="../ui/PreviewPaneEdit.cpp" line="250"/>
        <source>Updating…</source>
        <translation>正在更新…</translation>
    </message>
    <message>
        <location filename="../ui/PreviewPane.cpp" line="60"/>
        <source>Preview status</source>
        <translation>预览状态</translation>
    </message>
    <message>
        <location filename="../ui/PreviewPane.cpp" line="72"/>
        <source>Previous frame (,)</source>
        <translation>上一帧（,）</translation>
    </message>
    <message>
        <location filename="../ui/PreviewPane.cpp" line="73"/>
        <source>Play or pause the preview</source>
        <translation>播放或暂停预览</translation>
    </message>
    <message>
        <location filename="../ui/PreviewPane.cpp" line="76"/>
        <source>Next frame (.)</source>
        <translation>下一帧（.）</translation>
    </message>
    <message>
        <location filename="../ui/PreviewPane.cpp" line="79"/>
        <source>Preview position</source>
        <translation>预览位置</translation>
    </message>
    <message>
        <location filename="../ui/PreviewPane.cpp" line="84"/>
        <source>Preview time</source>
        <translation>预览时间</translation>
    </message>
    <message>
        <location filename="../ui/PreviewPane.cpp" line="378"/>
        <source>Pause (Space or K)</source>
        <translation>暂停（空格或 K）</translation>
    </message>
    <message>
        <location filename="../ui/PreviewPane.cpp" line="378"/>
        <source>Play (Space or L)</source>
        <translation>播放（空格或 L）</translation>
    </message>
    <message>
        <location filename="../ui/PreviewPane.cpp" line="393"/>
        <source>%1 · %2×</source>
        <translation>%1 · %2×</translation>
    </message>
    <message>
        <source>Video preview</source>
        <translation type="vanished">视频预览</translation>
    </message>
    <message>
        <location filename="../ui/PreviewPane.cpp" line="151"/>
        <source>Cannot play: %1</source>
        <translation>无法播放：%1</translation>
    </message>
    <message>
        <location filename="../ui/PreviewPaneEdit.cpp" line="238"/>
        <source>The preview of your edit appears here</source>
        <translation>剪辑预览将显示在这里</translation>
    </message>
    <message>
        <location filename="../ui/PreviewPaneEdit.cpp" line="43"/>
        <location filename="../ui/PreviewPaneEdit.cpp" line="56"/>
        <location filename="../ui/PreviewPaneEdit.cpp" line="193"/>
        <source>Version %1</source>
        <translation>版本 %1</translation>
    </message>
    <message>
        <source>Rendering preview… %1%</source>
        <translation type="vanished">正在渲染预览… %1%</translation>
    </message>
    <message>
        <location filename="../ui/PreviewPaneEdit.cpp" line="246"/>
        <source>No preview: %1</source>
        <translation>无预览：%1</translation>
    </message>
    <message>
        <source>Pause (Space)</source>
        <translation type="vanished">暂停（空格）</translation>
    </message>
    <message>
        <source>Play (Space)</source>
        <translation type="vanished">播放（空格）</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="vanished">暂停</translation>
    </message>
    <message>
        <source>Play</source>
        <translation type="vanished">播放</translation>
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
        <location filename="../ui/SettingsDialog.cpp" line="111"/>
        <source>Export folder</source>
        <translation>导出文件夹</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="139"/>
        <source>Enter an http:// or https:// address for the custom backend.</source>
        <translation>请为自定义后端输入 http:// 或 https:// 地址。</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="141"/>
        <source>Restart Clipwright to apply the new backend or language.</source>
        <translation>重新启动 Clipwright 以应用新的后端或语言。</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialogAccount.cpp" line="20"/>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialogAccount.cpp" line="24"/>
        <source>Sign-in state</source>
        <translation>登录状态</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialogAccount.cpp" line="28"/>
        <source>Access token</source>
        <translation>访问令牌</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialogAccount.cpp" line="30"/>
        <source>Paste your access token</source>
        <translation>粘贴你的访问令牌</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialogAccount.cpp" line="31"/>
        <source>Sign &amp;in</source>
        <translation>登录(&amp;I)</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialogAccount.cpp" line="33"/>
        <source>Sign in with the token</source>
        <translation>使用令牌登录</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialogAccount.cpp" line="34"/>
        <source>Sign &amp;out</source>
        <translation>退出登录(&amp;O)</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialogAccount.cpp" line="36"/>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialogAccount.cpp" line="39"/>
        <source>Credits balance</source>
        <translation>积分余额</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialogAccount.cpp" line="45"/>
        <source>State:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialogAccount.cpp" line="46"/>
        <source>&amp;Token:</source>
        <translation>令牌(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialogAccount.cpp" line="49"/>
        <source>Credits:</source>
        <translation>积分：</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialogAccount.cpp" line="59"/>
        <source>Signing in…</source>
        <translation>正在登录…</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialogAccount.cpp" line="65"/>
        <source>Signing out…</source>
        <translation>正在退出登录…</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialogAccount.cpp" line="75"/>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialogAccount.cpp" line="88"/>
        <source>%1 available, %2 reserved</source>
        <translation>可用 %1，已预留 %2</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialogAccount.cpp" line="90"/>
        <source>%1 available</source>
        <translation>可用 %1</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialogAccount.cpp" line="93"/>
        <source>No limit</source>
        <translation>无限制</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialogAccount.cpp" line="107"/>
        <source>Not signed in</source>
        <translation>未登录</translation>
    </message>
</context>
<context>
    <name>cw::ShortcutsDialog</name>
    <message>
        <location filename="../ui/ShortcutsDialog.cpp" line="16"/>
        <location filename="../ui/ShortcutsDialog.cpp" line="17"/>
        <location filename="../ui/ShortcutsDialog.cpp" line="39"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../ui/ShortcutsDialog.cpp" line="25"/>
        <source>Space</source>
        <translation>空格键</translation>
    </message>
    <message>
        <location filename="../ui/ShortcutsDialog.cpp" line="25"/>
        <source>Play or pause the preview</source>
        <translation>播放或暂停预览</translation>
    </message>
    <message>
        <location filename="../ui/ShortcutsDialog.cpp" line="26"/>
        <source>J / K / L</source>
        <translation>J / K / L</translation>
    </message>
    <message>
        <location filename="../ui/ShortcutsDialog.cpp" line="27"/>
        <source>Viewer: back a second or slower / pause / play, faster (up to 4×)</source>
        <translation>预览：后退一秒或减速 / 暂停 / 播放、加速（最高 4×）</translation>
    </message>
    <message>
        <location filename="../ui/ShortcutsDialog.cpp" line="28"/>
        <source>, / .</source>
        <translation>, / .</translation>
    </message>
    <message>
        <location filename="../ui/ShortcutsDialog.cpp" line="28"/>
        <source>Viewer: previous or next frame</source>
        <translation>预览：上一帧或下一帧</translation>
    </message>
    <message>
        <location filename="../ui/ShortcutsDialog.cpp" line="29"/>
        <source>Delete</source>
        <translation>Delete 键</translation>
    </message>
    <message>
        <location filename="../ui/ShortcutsDialog.cpp" line="29"/>
        <source>Delete the selected clip (asks the agent)</source>
        <translation>删除所选片段（由助手执行）</translation>
    </message>
    <message>
        <location filename="../ui/ShortcutsDialog.cpp" line="30"/>
        <source>Left / Right</source>
        <translation>左 / 右方向键</translation>
    </message>
    <message>
        <location filename="../ui/ShortcutsDialog.cpp" line="30"/>
        <source>Select the previous or next clip</source>
        <translation>选择上一个或下一个片段</translation>
    </message>
    <message>
        <location filename="../ui/ShortcutsDialog.cpp" line="31"/>
        <source>Drag a clip&apos;s edge</source>
        <translation>拖动片段边缘</translation>
    </message>
    <message>
        <location filename="../ui/ShortcutsDialog.cpp" line="31"/>
        <source>Trim the clip (asks the agent)</source>
        <translation>裁剪片段（由助手执行）</translation>
    </message>
    <message>
        <location filename="../ui/ShortcutsDialog.cpp" line="32"/>
        <source>Drag a clip</source>
        <translation>拖动片段</translation>
    </message>
    <message>
        <location filename="../ui/ShortcutsDialog.cpp" line="32"/>
        <source>Move the clip (asks the agent)</source>
        <translation>移动片段（由助手执行）</translation>
    </message>
    <message>
        <location filename="../ui/ShortcutsDialog.cpp" line="33"/>
        <source>Esc</source>
        <translation>Esc 键</translation>
    </message>
    <message>
        <location filename="../ui/ShortcutsDialog.cpp" line="33"/>
        <source>Cancel the drag</source>
        <translation>取消拖动</translation>
    </message>
    <message>
        <location filename="../ui/ShortcutsDialog.cpp" line="34"/>
        <source>Ctrl+Wheel</source>
        <translation>Ctrl+滚轮</translation>
    </message>
    <message>
        <location filename="../ui/ShortcutsDialog.cpp" line="34"/>
        <source>Zoom the timeline</source>
        <translation>缩放时间线</translation>
    </message>
    <message>
        <location filename="../ui/ShortcutsDialog.cpp" line="35"/>
        <source>Enter / Shift+Enter</source>
        <translation>Enter / Shift+Enter</translation>
    </message>
    <message>
        <location filename="../ui/ShortcutsDialog.cpp" line="35"/>
        <source>Send the message / new line</source>
        <translation>发送消息 / 换行</translation>
    </message>
    <message>
        <location filename="../ui/ShortcutsDialog.cpp" line="36"/>
        <source>Up</source>
        <translation>上方向键</translation>
    </message>
    <message>
        <location filename="../ui/ShortcutsDialog.cpp" line="36"/>
        <source>Recall the previous message</source>
        <translation>调出上一条消息</translation>
    </message>
    <message>
        <location filename="../ui/ShortcutsDialog.cpp" line="40"/>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <location filename="../ui/ShortcutsDialog.cpp" line="40"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../ui/ShortcutsDialog.cpp" line="52"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>cw::TimelineDrag</name>
    <message>
        <location filename="../ui/TimelineDrag.cpp" line="217"/>
        <source>Trim start by %1 s · starts at %2</source>
        <translation>开头裁剪 %1 秒 · 从 %2 开始</translation>
    </message>
    <message>
        <location filename="../ui/TimelineDrag.cpp" line="221"/>
        <source>Trim end by %1 s · ends at %2</source>
        <translation>结尾裁剪 %1 秒 · 在 %2 结束</translation>
    </message>
    <message>
        <location filename="../ui/TimelineDrag.cpp" line="226"/>
        <source>Move clip %1: drop it before or after another clip</source>
        <translation>移动片段 %1：将其放在另一个片段之前或之后</translation>
    </message>
    <message>
        <location filename="../ui/TimelineDrag.cpp" line="227"/>
        <source>Move clip %1 to position %2</source>
        <translation>将片段 %1 移动到位置 %2</translation>
    </message>
    <message>
        <location filename="../ui/TimelineDrag.cpp" line="233"/>
        <source> · a clip can only be shortened here</source>
        <translation> · 此处只能缩短片段</translation>
    </message>
    <message>
        <location filename="../ui/TimelineDrag.cpp" line="235"/>
        <source> · snapped</source>
        <translation> · 已吸附</translation>
    </message>
    <message>
        <location filename="../ui/TimelineDrag.cpp" line="236"/>
        <source> · Esc cancels</source>
        <translation> · 按 Esc 取消</translation>
    </message>
</context>
<context>
    <name>cw::TimelineView</name>
    <message>
        <location filename="../ui/TimelineView.cpp" line="26"/>
        <source>Stabilised</source>
        <translation>防抖</translation>
    </message>
    <message>
        <location filename="../ui/TimelineView.cpp" line="29"/>
        <source>Muted</source>
        <translation>静音</translation>
    </message>
    <message>
        <location filename="../ui/TimelineView.cpp" line="31"/>
        <source>Reversed</source>
        <translation>倒放</translation>
    </message>
    <message>
        <location filename="../ui/TimelineView.cpp" line="33"/>
        <source>Freeze</source>
        <translation>定格</translation>
    </message>
    <message>
        <location filename="../ui/TimelineView.cpp" line="39"/>
        <source>Zoom %1×</source>
        <translation>放大 %1×</translation>
    </message>
    <message>
        <location filename="../ui/TimelineView.cpp" line="41"/>
        <source>Zoom %1×→%2×</source>
        <translation>放大 %1×→%2×</translation>
    </message>
    <message>
        <location filename="../ui/TimelineView.cpp" line="47"/>
        <source>Size %1×</source>
        <translation>大小 %1×</translation>
    </message>
    <message>
        <location filename="../ui/TimelineView.cpp" line="50"/>
        <source>Bold</source>
        <translation>加粗</translation>
    </message>
    <message>
        <location filename="../ui/TimelineView.cpp" line="52"/>
        <source>Outline</source>
        <translation>描边</translation>
    </message>
    <message>
        <location filename="../ui/TimelineView.cpp" line="54"/>
        <source>No box</source>
        <translation>无背景框</translation>
    </message>
    <message>
        <location filename="../ui/TimelineView.cpp" line="71"/>
        <source>Video</source>
        <translation>视频</translation>
    </message>
    <message>
        <location filename="../ui/TimelineView.cpp" line="73"/>
        <source>Audio</source>
        <translation>音频</translation>
    </message>
    <message>
        <location filename="../ui/TimelineView.cpp" line="75"/>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <location filename="../ui/TimelineView.cpp" line="77"/>
        <source>Type %1</source>
        <translation>类型 %1</translation>
    </message>
    <message>
        <location filename="../ui/TimelineView.cpp" line="85"/>
        <source>%1 · in %2 · out %3 · %4 s</source>
        <translation>%1 · 入点 %2 · 出点 %3 · %4 秒</translation>
    </message>
    <message>
        <location filename="../ui/TimelineView.cpp" line="107"/>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <location filename="../ui/TimelineViewPaint.cpp" line="57"/>
        <source>The timeline is empty. Add clips, then tell me what to make.</source>
        <translation>时间线是空的。添加片段，然后告诉我你想做什么。</translation>
    </message>
    <message>
        <location filename="../ui/TimelineViewPaint.cpp" line="93"/>
        <source>Total %1</source>
        <translation>总长 %1</translation>
    </message>
    <message>
        <location filename="../ui/TimelineViewPaint.cpp" line="116"/>
        <source>Sound cleaned up</source>
        <translation>声音已净化</translation>
    </message>
    <message>
        <location filename="../ui/TimelineViewPaint.cpp" line="118"/>
        <source>Sound denoised</source>
        <translation>声音已降噪</translation>
    </message>
    <message>
        <location filename="../ui/TimelineViewPaint.cpp" line="120"/>
        <source>Loudness %1 LUFS</source>
        <translation>响度 %1 LUFS</translation>
    </message>
    <message>
        <location filename="../ui/TimelineViewPaint.cpp" line="124"/>
        <source>Look: %1</source>
        <translation>风格：%1</translation>
    </message>
</context>
<context>
    <name>cw::ViewerCanvas</name>
    <message>
        <location filename="../ui/ViewerCanvas.cpp" line="12"/>
        <source>Viewer</source>
        <translation>预览窗口</translation>
    </message>
</context>
</TS>
