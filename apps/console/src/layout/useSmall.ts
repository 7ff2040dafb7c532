import { useMediaQuery, type Theme } from '@mui/material';

/** True on a phone: lists switch from a table to react-admin's SimpleList. */
export const useSmall = () => useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
