import { ReactNode, useState } from 'react';
import {
  Alert,
  Button,
  type ButtonProps,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Stack,
} from '@mui/material';
import { CanAccess, Form, HttpError, useNotify, useRefresh, useTranslate } from 'react-admin';
import { useFormState } from 'react-hook-form';
import { problemsOf } from '../providers/problems';

type Values = Record<string, unknown>;

export interface CommandDialogProps {
  /** Translation keys of the title and of an optional explanation above the inputs. */
  title: string;
  hint?: string;
  /** The inputs (react-admin inputs, laid out in a column); none for a plain confirmation. */
  inputs?: ReactNode;
  /** The form's field paths, so a refusal's field lands next to its input. */
  fields?: readonly string[];
  defaultValues?: Values;
  /** Translation key of the notice on success. */
  done?: string;
  /** Sends the command; a refusal it throws (HttpError) is shown on the form. */
  send: (values: Values) => Promise<unknown>;
  onClose: () => void;
}

function Actions({ onClose }: { onClose: () => void }) {
  const t = useTranslate();
  const { isSubmitting } = useFormState();
  return (
    <DialogActions>
      <Button onClick={onClose}>{t('ra.action.cancel')}</Button>
      <Button type="submit" variant="contained" disabled={isSubmitting}>
        {t('ra.action.confirm')}
      </Button>
    </DialogActions>
  );
}

/**
 * A domain command in a dialog: the inputs, the service's refusal placed next to the input it
 * names (or above the form, with its rule and source), success notified and the page refreshed.
 */
export function CommandDialog({
  title,
  hint,
  inputs,
  fields = [],
  defaultValues,
  done = 'otr.actions.done',
  send,
  onClose,
}: CommandDialogProps) {
  const t = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [general, setGeneral] = useState<string[]>([]);
  const submit = async (values: Values) => {
    try {
      await send(values);
      notify(done, { type: 'success' });
      refresh();
      onClose();
    } catch (e) {
      const problems = problemsOf((e as HttpError).body, fields, (e as Error).message);
      setGeneral(problems.general);
      return problems.fields;
    }
  };
  return (
    // Clicks inside the dialog must not reach a list row it was opened from (React bubbles through portals).
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" onClick={(e) => e.stopPropagation()}>
      <Form onSubmit={submit} defaultValues={defaultValues} record={{}}>
        <DialogTitle>{t(title)}</DialogTitle>
        <DialogContent>
          {hint && <DialogContentText sx={{ mb: 1 }}>{t(hint)}</DialogContentText>}
          {general.length > 0 && (
            <Alert severity="error" sx={{ mb: 1 }} data-testid="command-problems">
              {t('otr.actions.refused')}：{general.join('；')}
            </Alert>
          )}
          <Stack sx={{ '& .MuiFormControl-root': { width: '100%' } }}>{inputs}</Stack>
        </DialogContent>
        <Actions onClose={onClose} />
      </Form>
    </Dialog>
  );
}

export interface CommandButtonProps extends Omit<CommandDialogProps, 'onClose' | 'title'> {
  /** The grant that shows the button (auth/permissions.ts). */
  resource: string;
  access: string;
  /** Translation key of the button, also the dialog's title. */
  label: string;
  variant?: ButtonProps['variant'];
  color?: ButtonProps['color'];
}

/** A button, shown only to roles granted the command, that opens its dialog. */
export function CommandButton({
  resource,
  access,
  label,
  variant = 'outlined',
  color,
  ...dialog
}: CommandButtonProps) {
  const t = useTranslate();
  const [open, setOpen] = useState(false);
  return (
    <CanAccess resource={resource} action={access}>
      <Button
        size="small"
        variant={variant}
        color={color}
        onClick={(e) => {
          e.stopPropagation();
          setOpen(true);
        }}
      >
        {t(label)}
      </Button>
      {open && <CommandDialog title={label} {...dialog} onClose={() => setOpen(false)} />}
    </CanAccess>
  );
}
