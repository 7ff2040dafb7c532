/**
 * The complaint screens' newer words (evidence, the rates screen), under otr.complaints.*, merged
 * into the catalogues by i18n/i18n-provider.ts. The Chinese catalogue is typed against the
 * English one, so no key can be missing in either. Pure module: jest loads it.
 */
type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

const en = {
  otr: {
    complaints: {
      sections: { evidence: 'Evidence' },
      evidence: {
        none: 'No files attached',
        hint: 'Files the complainant attached, stored under their SHA-256. Opening one is for the officials over the district; the institution never sees them.',
        image: 'Photo %{n}',
        pdf: 'PDF %{n}',
        openFailed: 'The file could not be opened',
      },
      rates: {
        title: 'Response, resolution and satisfaction rates',
        link: 'Rates',
        by: 'Group by',
        byDepartment: 'Department',
        byDistrict: 'District',
        from: 'Filed from',
        to: 'Filed until',
        department: 'Lead department',
        district: 'District',
        complaints: 'Complaints',
        response: 'Response rate',
        resolution: 'Resolution rate',
        satisfaction: 'Satisfaction rate',
        responseCount: 'Signed in time',
        responseOf: 'Sign deadlines come',
        resolutionCount: 'Resolved',
        resolutionOf: 'Closed',
        satisfactionCount: 'Satisfied ratings',
        satisfactionOf: 'Ratings',
        definitions: {
          response:
            'work orders signed by the end of their sign deadline day ÷ sign deadlines that have come',
          resolution:
            'complaints closed now whose last handling was not rated "not satisfied" ÷ complaints closed at least once',
          satisfaction: '"satisfied" ratings ÷ all ratings',
          none: 'With nothing to count there is no rate (—), not 0 %.',
        },
        total: 'All',
        empty: 'No complaints in this period',
        chart: 'The three rates compared (%)',
        failed: 'The rates could not be loaded: %{message}',
        fileName: 'complaint-rates',
      },
    },
  },
};

const zhCN: Shape<typeof en> = {
  otr: {
    complaints: {
      sections: { evidence: '证据材料' },
      evidence: {
        none: '未附证据材料',
        hint: '投诉人上传的文件，按 SHA-256 校验存储；仅属地主管部门人员可以打开，被投诉机构看不到。',
        image: '照片 %{n}',
        pdf: 'PDF 文件 %{n}',
        openFailed: '文件无法打开',
      },
      rates: {
        title: '投诉响应率、解决率、满意率',
        link: '办理统计',
        by: '统计维度',
        byDepartment: '按部门',
        byDistrict: '按区县',
        from: '受理日期自',
        to: '受理日期至',
        department: '承办部门',
        district: '区县',
        complaints: '投诉件数',
        response: '响应率',
        resolution: '解决率',
        satisfaction: '满意率',
        responseCount: '按时签收',
        responseOf: '已到签收期限',
        resolutionCount: '已解决',
        resolutionOf: '已办结',
        satisfactionCount: '满意评价',
        satisfactionOf: '评价总数',
        definitions: {
          response: '在签收期限当日结束前签收的工单数 ÷ 已到期的签收期限数',
          resolution: '目前已办结且最后一次办理未被评为“不满意”的投诉数 ÷ 至少办结过一次的投诉数',
          satisfaction: '“满意”评价数 ÷ 全部评价数',
          none: '没有可计算的件数时不显示比率（—），而不是 0%。',
        },
        total: '合计',
        empty: '该期间没有投诉',
        chart: '三率对比（%）',
        failed: '统计数据加载失败：%{message}',
        fileName: '投诉办理统计',
      },
    },
  },
};

export const complaintMessages = { en, 'zh-CN': zhCN };
