/** 中文 of the directory's refusals (errors.ts): a title per code. */
export const directoryErrorTexts = {
  titles: {
    'directory.LicenseNumberHeldByAnother': '该办学许可证号已属于另一家机构',
  },
};
