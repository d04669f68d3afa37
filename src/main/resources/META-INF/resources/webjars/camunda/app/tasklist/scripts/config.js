/*
 * Copyright Camunda Services GmbH and/or licensed to Camunda Services GmbH
 * under one or more contributor license agreements. See the NOTICE file
 * distributed with this work for additional information regarding copyright
 * ownership. Camunda licenses this file to you under the Apache License,
 * Version 2.0; you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

// Tasklist configuration of the efficiency-supervision platform (overrides the webjar's scripts/config.js: the
// application's own files come first on the classpath, see WebappResourcesTest).
export default {
  app: {
    name: '任务列表',
    vendor: '效能监察'
  },

  // Simplified Chinese first: locales/zh.json in this folder is written for this project from the keys of the
  // shipped en.json. The webapp picks the browser's first language if it is listed here (zh-CN -> zh, en-US -> en),
  // otherwise the fallback; so a Chinese browser (and any other) gets Chinese, an English browser English.
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  },

  // Dates: moment formats resolved by the active locale (zh: 2026年12月5日 21:58, L = 2026-12-05).
  // The webapps format dates in the BROWSER's time zone (there is no server-side zone setting); the offices work in
  // 北京时间 and their machines (and the e2e Chromium, started with TZ=Asia/Shanghai) run in Asia/Shanghai. The footer
  // names the zone used ("日期和时间按本地时区显示：Asia/Shanghai").
  dateFormat: {
    monthName: 'MMMM',
    day: 'DD',
    abbr: 'lll',
    normal: 'LLL',
    long: 'LLLL',
    short: 'LL'
  },

  // Handlers do not start processes here (complaints arrive through the public form) and standalone tasks have no
  // place in the case workflow. styles/user-styles.css hides "新建任务" for everyone and "发起流程" unless the script
  // below found at least one process definition the logged-in user may start (startablePermissionCheck). The same
  // stylesheet hides the "migrate to Camunda 8" banner, which 7.24 shows unconditionally (no config switch).
  customScripts: ['scripts/start-process-visibility'],

  // The "first time here" hint points at Camunda's own welcome page; not wanted.
  disableWelcomeMessage: true,

  // csrfCookieName: 'XSRF-TOKEN',
  // assignProcessInstanceIdToTaskComment: true,

  // Keyboard shortcuts (the descriptions are shown in the shortcut help). No shortcut for starting a process:
  // that action is not offered to people who have nothing to start.
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: '认领当前选中的任务'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: '将焦点移到第一个过滤器'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: '将焦点移到列表中的第一个任务'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: '将焦点移到任务表单的第一个输入框'
    }
  }
};
