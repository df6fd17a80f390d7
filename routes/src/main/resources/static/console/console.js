// The console's pages: data from the REST API, rendered here, live pages refreshed every 5 s.
(function () {
  'use strict';

  const REFRESH_MS = 5000;
  const TIME_ZONE = 'Asia/Shanghai';

  function escape(value) {
    return String(value == null ? '' : value).replace(/[&<>"']/g, (c) => ({
      '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'
    })[c]);
  }

  function csrf() {
    const match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : '';
  }

  async function api(path, options) {
    const init = Object.assign({ headers: {} }, options || {});
    init.headers['Accept'] = 'application/json';
    if (init.body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.headers['X-XSRF-TOKEN'] = csrf();
      init.body = JSON.stringify(init.body);
    }
    const response = await fetch(path, init);
    const text = await response.text();
    const body = text ? JSON.parse(text) : null;
    if (!response.ok) {
      const error = new Error((body && (body.detail || body.error)) || ('请求失败（' + response.status + '）'));
      error.status = response.status;
      throw error;
    }
    return body;
  }

  function time(instant) {
    return instant ? new Date(instant).toLocaleString('zh-CN', { timeZone: TIME_ZONE, hour12: false }) : '';
  }

  function today(instant) {
    const day = (d) => d.toLocaleDateString('zh-CN', { timeZone: TIME_ZONE });
    return instant && day(new Date(instant)) === day(new Date());
  }

  function rows(table, items, render) {
    document.querySelector(table + ' tbody').innerHTML = items.length
      ? items.map(render).join('') : '<tr><td colspan="9" class="note">暂无</td></tr>';
  }

  function live(load) {
    const run = async () => {
      try {
        await load();
        document.getElementById('updated').textContent = '更新于 ' + time(new Date().toISOString());
      } catch (error) {
        document.getElementById('updated').textContent = '刷新失败：' + error.message;
      }
    };
    run();
    setInterval(run, REFRESH_MS);
  }

  function chart(id) {
    const element = document.getElementById(id);
    return element && window.echarts ? (echarts.getInstanceByDom(element) || echarts.init(element)) : null;
  }

  const STATUS = {
    CREATED: '已登记', PENDING_APPROVAL: '待审批', BROADCAST: '已发布', COLLECTING: '收集线索中',
    CANCELLED: '已取消', CLOSED: '已结案', ACTIVE: '生效中', SUPERSEDED: '已被替代', PENDING: '待批准'
  };
  const RATING = { USEFUL: '有用', NOT_USEFUL: '无用' };

  const pages = {
    async dashboard() {
      live(async () => {
        const orders = (await api('/api/orders?limit=200')).filter((o) => today(o.postedAt));
        rows('#orders', orders, (o) => '<tr><td><a href="/orders/' + encodeURIComponent(o.code) + '">' + escape(o.code)
          + '</a></td><td>' + escape(o.target) + '</td><td>' + escape(o.postedByName) + '</td><td>' + time(o.postedAt)
          + '</td><td>' + o.read + '/' + o.targets + '</td><td>' + (o.targets ? Math.round(100 * o.read / o.targets) + '%' : '—')
          + '</td></tr>');
        const bars = chart('read-chart');
        if (bars) {
          bars.setOption({
            tooltip: {}, xAxis: { type: 'category', data: orders.map((o) => o.code) },
            yAxis: { type: 'value', max: 100, name: '阅读率 %' },
            series: [{ type: 'bar', data: orders.map((o) => (o.targets ? Math.round(100 * o.read / o.targets) : 0)) }]
          });
        }
        const open = (await api('/api/assist-requests?limit=200'))
          .filter((a) => !['CLOSED', 'CANCELLED'].includes(a.status) && new Date(a.validUntil) > new Date());
        rows('#assists', open, (a) => '<tr><td><a href="/assist-requests/' + encodeURIComponent(a.code) + '">'
          + escape(a.code) + '</a></td><td>' + escape(a.circles.join('、')) + '</td><td>' + escape(STATUS[a.status] || a.status)
          + '</td><td>' + escape(a.caseOfficerName) + '</td><td>' + a.tips + '</td><td>' + time(a.validUntil) + '</td></tr>');
        try {
          rows('#circles', await api('/api/circles'), (c) => '<tr><td>' + escape(c.name) + '</td><td>' + c.groups + '</td><td>'
            + escape(c.groupsWithoutQuota.join('、') || '无') + '</td><td>' + c.tasks + '</td><td>' + c.members + '</td><td>'
            + c.informants + '</td></tr>');
        } catch (error) {
          document.querySelector('#circles tbody').innerHTML = '<tr><td colspan="6" class="note">'
            + (error.status === 403 ? '无权查看' : escape(error.message)) + '</td></tr>';
        }
        try {
          const counts = {};
          (await api('/api/tips?limit=500')).forEach((t) => { counts[t.circle] = (counts[t.circle] || 0) + 1; });
          const pie = chart('tips-chart');
          if (pie) {
            pie.setOption({ tooltip: {}, series: [{ type: 'pie', data: Object.keys(counts).map((k) => ({ name: k, value: counts[k] })) }] });
          }
          document.getElementById('tips-note').textContent = '最近 500 条线索，共 ' + Object.values(counts).reduce((a, b) => a + b, 0) + ' 条';
        } catch (error) {
          document.getElementById('tips-note').textContent = error.status === 403 ? '无权查看线索' : error.message;
        }
      });
    },

    async order() {
      const code = document.body.dataset.code;
      live(async () => {
        const order = await api('/api/orders/' + encodeURIComponent(code));
        const timeline = await api('/api/orders/' + encodeURIComponent(code) + '/timeline');
        const s = order.summary;
        document.getElementById('summary').textContent = '发往 ' + s.target + ' · ' + s.postedByName + ' 发布于 '
          + time(s.postedAt) + ' · 升级策略 ' + s.policy + (s.recalledAt ? ' · 已撤回' : '');
        document.getElementById('content').textContent = order.content;
        const read = timeline.recipients.filter((r) => r.readAt);
        const unread = timeline.recipients.filter((r) => !r.readAt);
        const person = (r) => '<li>' + escape(r.name) + '（' + escape(r.unit) + '）' + (r.readAt ? ' ' + time(r.readAt) : '') + '</li>';
        document.getElementById('read').innerHTML = read.map(person).join('');
        document.getElementById('unread').innerHTML = unread.map(person).join('');
        document.getElementById('read-count').textContent = read.length + ' 人';
        document.getElementById('unread-count').textContent = unread.length + ' 人';
        const steps = [];
        timeline.recipients.forEach((r) => r.escalations.forEach((e) => steps.push([r, e])));
        rows('#steps', steps, ([r, e]) => '<tr><td>' + escape(r.name) + '</td><td>' + e.step + '</td><td>' + escape(e.action)
          + '</td><td>' + time(e.at) + '</td><td>' + escape(e.outcome) + '</td></tr>');
        const line = chart('read-log');
        if (line) {
          line.setOption({
            tooltip: {}, xAxis: { type: 'category', data: timeline.readLog.map((p) => time(p.at)) },
            yAxis: { type: 'value', name: '已读人数' }, series: [{ type: 'line', data: timeline.readLog.map((p) => p.read) }]
          });
        }
      });
    },

    async assist() {
      const code = document.body.dataset.code;
      live(async () => {
        const request = await api('/api/assist-requests/' + encodeURIComponent(code));
        const s = request.summary;
        document.getElementById('summary').textContent = (STATUS[s.status] || s.status) + ' · 圈子 ' + s.circles.join('、')
          + ' · 主办 ' + s.caseOfficerName + ' · 有效至 ' + time(s.validUntil) + (s.urgent ? ' · 紧急' : '') + (s.sensitive ? ' · 敏感' : '');
        document.getElementById('content').textContent = request.content;
        document.getElementById('reach').innerHTML = request.reach.length
          ? request.reach.map((line) => '<li>' + escape(line) + '</li>').join('') : '<li class="note">尚未群发</li>';
        try {
          rows('#tips', await api('/api/tips?limit=500&assistCode=' + encodeURIComponent(code)), (t) => '<tr><td>'
            + escape(t.code) + '</td><td>' + escape(t.pseudonym) + '</td><td>' + escape(t.circle) + '</td><td>' + escape(t.township)
            + '</td><td>' + escape(t.content) + (t.media ? '（附图片/语音）' : '') + '</td><td>' + time(t.receivedAt) + '</td><td>'
            + escape(RATING[t.rating] || '') + '</td></tr>');
        } catch (error) {
          rows('#tips', [], () => '');
        }
      });
    },

    async tips() {
      const render = async () => rows('#tips', await api('/api/tips?limit=200'), (t) => '<tr><td>' + escape(t.code)
        + '</td><td>' + (t.assistCode ? '<a href="/assist-requests/' + encodeURIComponent(t.assistCode) + '">' + escape(t.assistCode) + '</a>' : '未关联')
        + '</td><td>' + escape(t.pseudonym) + '</td><td>' + escape(t.circle) + '</td><td>' + escape(t.content)
        + '</td><td>' + time(t.receivedAt) + '</td><td>' + (t.rating ? escape(RATING[t.rating]) : '<button data-rate="true" data-code="'
        + escape(t.code) + '">有用</button> <button data-rate="false" data-code="' + escape(t.code) + '">无用</button>') + '</td></tr>');
      document.getElementById('tips').addEventListener('click', async (event) => {
        const button = event.target.closest('button[data-code]');
        if (button) {
          try {
            await api('/api/tips/' + encodeURIComponent(button.dataset.code) + '/rating', { method: 'POST', body: { useful: button.dataset.rate === 'true' } });
            await render();
          } catch (error) {
            alert(error.message);
          }
        }
      });
      live(render);
    },

    async config() {
      const kind = document.getElementById('kind');
      const content = document.getElementById('content');
      const result = document.getElementById('result');
      const show = (ok, text) => { result.className = 'result ' + (ok ? 'ok' : 'bad'); result.textContent = text; };
      (await api('/api/config/versions')).forEach((k) => kind.insertAdjacentHTML('beforeend',
        '<option value="' + escape(k.kind) + '" data-active="' + k.active + '">' + escape(k.kind) + '</option>'));
      const source = document.getElementById('dry-run-source');
      const samples = await api('/api/config/versions/rules/dry-run/samples');
      // rules run on recorded messages or a sample callback; escalation policies on the orders sent
      const sources = () => {
        const what = kind.value === 'rules' ? '消息' : '警令';
        source.innerHTML = '<option value="days:1">最近 1 天的' + what + '</option><option value="days:7">最近 7 天的' + what + '</option>'
          + (kind.value === 'rules' ? samples.map((s) => '<option value="sample:' + escape(s) + '">样例 ' + escape(s) + '</option>').join('') : '');
      };

      async function load() {
        const versions = await api('/api/config/versions/' + kind.value);
        const active = versions.find((v) => v.status === 'ACTIVE');
        content.value = (await api('/api/config/versions/' + kind.value + '/' + active.version)).content;
        document.getElementById('dry-run-controls').hidden = kind.value !== 'rules' && kind.value !== 'escalation';
        document.getElementById('dry-run-report').innerHTML = '';
        sources();
        rows('#versions', versions, (v) => '<tr><td>' + v.version + '</td><td>' + escape(STATUS[v.status] || v.status)
          + (v.approvedBy ? '（' + escape(v.approvedBy) + ' 批准）' : '') + '</td><td>' + escape(v.author) + '</td><td>'
          + time(v.createdAt) + '</td><td>' + escape(v.reason) + '</td><td><pre class="diff">' + escape(v.diff) + '</pre></td><td>'
          + (v.status === 'SUPERSEDED' ? '<button data-rollback="' + v.version + '">回滚到此版</button>' : '')
          + (v.status === 'PENDING' ? '<button data-activate="' + v.version + '">批准生效</button>' : '') + '</td></tr>');
      }

      kind.addEventListener('change', load);
      document.getElementById('validate').addEventListener('click', async () => {
        try {
          await api('/api/config/versions/' + kind.value + '/validate', { method: 'POST', body: { content: content.value } });
          show(true, '检查通过');
        } catch (error) {
          show(false, '检查未通过：' + error.message);
        }
      });
      // messages per channel, SMS at most with their cost, and groups without quota, side by side
      const totals = (current, candidate) => {
        const channels = [...new Set([...Object.keys(current.messages), ...Object.keys(candidate.messages)])].sort();
        const row = (label, a, b) => '<tr><td>' + escape(label) + '</td><td>' + escape(String(a)) + '</td><td>'
          + escape(String(b)) + '</td></tr>';
        return '<table id="dry-run-totals"><thead><tr><th>发送</th><th>现行版本</th><th>候选版本</th></tr></thead><tbody>'
          + channels.map((c) => row(c, current.messages[c] || 0, candidate.messages[c] || 0)).join('')
          + row('短信至多（条）', current.smsAtMost, candidate.smsAtMost)
          + row('短信费用至多（元）', current.smsCost, candidate.smsCost)
          + row('群发次数已用完的群', current.quotaBreaches.join('、') || '无', candidate.quotaBreaches.join('、') || '无')
          + '</tbody></table>';
      };
      document.getElementById('dry-run').addEventListener('click', async () => {
        const [type, value] = source.value.split(':');
        const body = { content: content.value };
        body[type] = type === 'days' ? Number(value) : value;
        const report = document.getElementById('dry-run-report');
        if (kind.value === 'escalation') {
          try {
            const r = await api('/api/config/versions/escalation/dry-run', { method: 'POST', body: body });
            show(true, '试运行完成：最近 ' + r.days + ' 天的 ' + r.orders + ' 条警令，' + r.changed + ' 条催办不同；未发送任何消息');
            const row = (label, a, b) => '<tr><td>' + escape(label) + '</td><td>' + escape(String(a)) + '</td><td>' + escape(String(b)) + '</td></tr>';
            report.innerHTML = '<h2>试运行结果</h2><table id="dry-run-totals"><thead><tr><th>催办</th><th>现行版本</th><th>候选版本</th></tr></thead><tbody>'
              + row('DING（人次）', r.current.dings, r.candidate.dings) + row('短信至多（条）', r.current.smsAtMost, r.candidate.smsAtMost)
              + row('短信费用至多（元）', r.current.smsCost, r.candidate.smsCost) + row('告知调度员（次）', r.current.reports, r.candidate.reports)
              + '</tbody></table><table><thead><tr><th>警令</th><th>现行版本</th><th>候选版本</th><th>新增</th><th>减少</th></tr></thead><tbody>'
              + r.outcomes.filter((o) => o.current.join() !== o.candidate.join()).map((o) => '<tr><td>' + escape(o.code) + '（'
                + escape(o.policy) + '，已读 ' + o.readers + '/' + o.recipients + '）</td><td>' + escape(o.current.join('；')) + '</td><td>'
                + escape(o.candidate.join('；')) + '</td><td class="added">' + escape(o.added.join('、')) + '</td><td class="removed">'
                + escape(o.removed.join('、')) + '</td></tr>').join('') + '</tbody></table>';
          } catch (error) {
            report.innerHTML = '';
            show(false, '无法试运行：' + error.message);
          }
          return;
        }
        try {
          const r = await api('/api/config/versions/rules/dry-run', { method: 'POST', body: body });
          show(true, '试运行完成：' + r.source + '，共 ' + r.events + ' 条，' + r.changed + ' 条处理不同；未发送任何消息');
          report.innerHTML = '<h2>试运行结果</h2><p>新增接收方：<span class="added" id="dry-run-added">' + escape(r.added.join('、') || '无')
            + '</span></p><p>减少接收方：<span class="removed" id="dry-run-removed">' + escape(r.removed.join('、') || '无') + '</span></p>' + totals(r.current, r.candidate)
            + '<table><thead><tr><th>消息</th><th>现行版本</th><th>候选版本</th><th>新增</th><th>减少</th></tr></thead><tbody>'
            + r.outcomes.filter((o) => o.current.join() !== o.candidate.join()).map((o) => '<tr><td>' + escape(o.sender) + ' '
              + escape(o.conversation) + '：' + escape(o.text) + '</td><td>' + escape(o.current.join('；')) + '</td><td>'
              + escape(o.candidate.join('；')) + '</td><td class="added">' + escape(o.added.join('、')) + '</td><td class="removed">'
              + escape(o.removed.join('、')) + '</td></tr>').join('') + '</tbody></table>';
        } catch (error) {
          report.innerHTML = '';
          show(false, '无法试运行：' + error.message);
        }
      });
      document.getElementById('save').addEventListener('click', async () => {
        const reason = document.getElementById('reason').value.trim();
        if (!reason) {
          show(false, '请写明修改理由');
          return;
        }
        try {
          const v = await api('/api/config/versions/' + kind.value, { method: 'POST', body: { content: content.value, reason: reason } });
          show(true, '已保存为第 ' + v.version + ' 版（' + (STATUS[v.status] || v.status) + '）');
          await load();
        } catch (error) {
          show(false, '未保存：' + error.message);
        }
      });
      document.getElementById('versions').addEventListener('click', async (event) => {
        const rollback = event.target.closest('button[data-rollback]');
        const activate = event.target.closest('button[data-activate]');
        try {
          if (rollback) {
            const reason = document.getElementById('reason').value.trim() || '从控制台回滚';
            const v = await api('/api/config/versions/' + kind.value + '/rollback', { method: 'POST', body: { version: Number(rollback.dataset.rollback), reason: reason } });
            show(true, '已回滚：第 ' + v.version + ' 版（' + (STATUS[v.status] || v.status) + '）');
          } else if (activate) {
            const v = await api('/api/config/versions/' + kind.value + '/' + activate.dataset.activate + '/activate', { method: 'POST', body: {} });
            show(true, '第 ' + v.version + ' 版已生效');
          } else {
            return;
          }
          await load();
        } catch (error) {
          show(false, error.message);
        }
      });
      await load();
    },

    async audit() {
      const action = document.getElementById('action');
      ['LOGIN', 'LOGIN_FAILED', 'CONFIG_VERSION', 'CONFIG_APPROVED', 'IDENTITY_REVEAL', 'IDENTITY_ERASE', 'DEAD_LETTER_REPLAY',
        'ORDER_POSTED', 'ORDER_RECALLED', 'ASSIST_OPENED', 'ASSIST_CLOSED', 'TIP_RATED']
        .forEach((a) => action.insertAdjacentHTML('beforeend', '<option>' + a + '</option>'));
      const load = async () => rows('#audit', await api('/api/audit?limit=200' + (action.value ? '&action=' + action.value : '')),
        (e) => '<tr><td>' + time(e.occurredAt) + '</td><td>' + escape(e.actor) + '</td><td>' + escape(e.action) + '</td><td>'
          + escape(e.subject) + '</td><td>' + escape(e.detail) + '</td></tr>');
      action.addEventListener('change', load);
      await load();
    },

    async 'dead-letters'() {
      const result = document.getElementById('result');
      const load = async () => rows('#letters', await api('/api/dead-letters?limit=200'), (d) => '<tr><td>' + d.id + '</td><td>'
        + escape(d.operation) + '</td><td>' + escape(d.recipient) + '</td><td>' + escape(d.code) + '</td><td>' + escape(d.reason)
        + '</td><td>' + time(d.createdAt) + '</td><td>' + (d.replayedAt ? escape(d.replayedBy) + ' ' + time(d.replayedAt)
          : '<button data-replay="' + d.id + '">重放</button>') + '</td></tr>');
      document.getElementById('letters').addEventListener('click', async (event) => {
        const button = event.target.closest('button[data-replay]');
        if (button) {
          try {
            await api('/api/dead-letters/' + button.dataset.replay + '/replay', { method: 'POST', body: {} });
            result.className = 'result ok';
            result.textContent = '死信 ' + button.dataset.replay + ' 已放回发件箱';
          } catch (error) {
            result.className = 'result bad';
            result.textContent = error.message;
          }
          await load();
        }
      });
      await load();
    }
  };

  document.addEventListener('DOMContentLoaded', () => {
    const page = pages[document.body.dataset.page];
    if (page) {
      page();
    }
  });
})();
