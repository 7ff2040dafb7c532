import { defaultTheme } from 'react-admin';

/** A sober government palette with a CJK-capable font stack. */
export const theme = {
  ...defaultTheme,
  palette: { primary: { main: '#0b4f8a' }, secondary: { main: '#0b4f8a' } },
  typography: {
    fontFamily: "system-ui, 'PingFang SC', 'Microsoft YaHei', 'WenQuanYi Micro Hei', sans-serif",
  },
};
