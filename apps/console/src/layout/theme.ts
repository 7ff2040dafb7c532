import { defaultTheme, RaThemeOptions } from 'react-admin';

/** Sober government palette: deep administrative blue, a red for warnings, quiet surfaces. */
export const colors = {
  primary: '#12468f',
  primaryDark: '#0b2f66',
  accent: '#c8102e',
  green: '#2e7d32',
  amber: '#ed8c00',
  red: '#c62828',
  surface: '#f2f4f8',
  border: '#dfe4ec',
  muted: '#5f6b7a',
  chart: ['#12468f', '#3a7bd5', '#6aa5e8', '#9cc3f0', '#c8102e', '#ed8c00'],
};

/** The complaint SLA colours (green on time, amber 临期, red 超期), on the dashboard and the work queue. */
export const slaColors = { green: colors.green, amber: colors.amber, red: colors.red } as const;

const fontFamily = [
  'system-ui',
  '-apple-system',
  "'PingFang SC'",
  "'Hiragino Sans GB'",
  "'Microsoft YaHei'",
  "'Noto Sans CJK SC'",
  "'WenQuanYi Micro Hei'",
  'sans-serif',
].join(', ');

export const theme: RaThemeOptions = {
  ...defaultTheme,
  palette: {
    mode: 'light',
    primary: { main: colors.primary, dark: colors.primaryDark },
    secondary: { main: colors.primaryDark },
    error: { main: colors.red },
    warning: { main: colors.amber },
    success: { main: colors.green },
    background: { default: colors.surface, paper: '#ffffff' },
    text: { primary: '#1f2937', secondary: colors.muted },
  },
  shape: { borderRadius: 6 },
  typography: {
    fontFamily,
    fontSize: 14,
    h5: { fontWeight: 600, letterSpacing: 0.5 },
    h6: { fontWeight: 600 },
    subtitle1: { fontWeight: 600 },
    button: { textTransform: 'none', fontWeight: 500 },
  },
  sidebar: { width: 248, closedWidth: 56 },
  components: {
    ...defaultTheme.components,
    MuiAppBar: {
      styleOverrides: {
        colorSecondary: {
          background: `linear-gradient(90deg, ${colors.primaryDark} 0%, ${colors.primary} 100%)`,
          color: '#fff',
        },
      },
    },
    MuiPaper: {
      styleOverrides: {
        elevation1: { boxShadow: 'none', border: `1px solid ${colors.border}` },
      },
    },
    MuiCard: { defaultProps: { elevation: 1 } },
    MuiTableCell: {
      styleOverrides: {
        head: { fontWeight: 600, backgroundColor: '#f7f9fc', color: '#374151' },
      },
    },
    MuiButton: { defaultProps: { disableElevation: true } },
    RaMenuItemLink: {
      styleOverrides: {
        root: {
          borderLeft: '3px solid transparent',
          '&.RaMenuItemLink-active': {
            borderLeft: `3px solid ${colors.primary}`,
            backgroundColor: 'rgba(18, 70, 143, 0.08)',
            color: colors.primary,
            fontWeight: 600,
            '& .RaMenuItemLink-icon': { color: colors.primary },
          },
        },
      },
    },
    // react-admin's layout is as wide as its widest table (min-width: fit-content, flex items):
    // held to the window instead, a wide list scrolls inside its grid (ListActions' gridSx) and
    // its toolbar stays in view.
    RaLayout: {
      styleOverrides: {
        root: { minWidth: 0, '& .RaLayout-content': { paddingTop: 16, minWidth: 0 } },
      },
    },
    RaList: { styleOverrides: { root: { '& .RaList-main': { minWidth: 0 } } } },
  } as RaThemeOptions['components'],
};
