import GavelIcon from '@mui/icons-material/Gavel';
import { Alert, Box, Stack } from '@mui/material';
import { useEffect, useState } from 'react';
import {
  BooleanInput,
  FormDataConsumer,
  FunctionField,
  HttpError,
  Labeled,
  maxLength,
  minLength,
  minValue,
  NumberInput,
  required,
  SelectInput,
  TextField,
  TextInput,
  useDataProvider,
  useGetIdentity,
  useLocaleState,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { CommandButton } from '../layout/CommandDialog';
import type { OtrDataProvider } from '../providers/data-provider';
import { inspectionSend, PenaltyType, renameFields, useLookup } from './api';
import {
  fineBasisOf,
  formatFen,
  mayDecide,
  PENALTY_STATUSES,
  proposalBody,
  yuanToFen,
} from './inspection-file';
import {
  choicesOf,
  Column,
  EnforcementList,
  RecordFile,
  enforcementResource,
  LongTextInput,
  statusFilters,
  ViolationsInput,
} from './ui';

const R = 'penalties';
const words = 'otr.inspection';

interface Penalty {
  id: string;
  subject: { name: string; district: string; address?: string; licenseId?: string };
  type: string;
  legalBasis: string;
  reasons: string;
  fineFen?: number;
  illegalIncome?: { fen: number; source: string };
  proposedBy: { userId: string; department?: string };
  proposedOn: string;
  status: string;
  decision?: { number: string; by: string; on: string };
  rejection?: { by: string; on: string; reason: string };
}

interface FineAnswer {
  illegalIncome: { fen: number; source: string } | null;
  range: { minFen: number; maxFen: number; source: string };
}

/** The legal range of the fine, asked of the service as the inspector fills the form (第十七条、第十八条). */
function FineRange({
  basis,
  especiallySerious,
  licenseId,
  incomeYuan,
}: {
  basis?: string;
  especiallySerious?: boolean;
  licenseId?: string;
  incomeYuan?: unknown;
}) {
  const t = useTranslate();
  const [locale = 'zh-CN'] = useLocaleState();
  const [answer, setAnswer] = useState<{ ok?: FineAnswer; problem?: string }>({});
  const fineBasis = fineBasisOf(basis, !!especiallySerious);
  const income = yuanToFen(incomeYuan);
  // The question as a string, so the helper asks again only when it changes.
  const question = fineBasis
    ? JSON.stringify({
        basis: fineBasis,
        ...(licenseId ? { licenseId } : {}),
        ...(income !== undefined ? { declaredIllegalIncomeFen: income } : {}),
      })
    : undefined;
  useEffect(() => {
    if (!question) return setAnswer({});
    let live = true;
    inspectionSend<FineAnswer>('POST', '/penalties/fine-range', JSON.parse(question)).then(
      (ok) => live && setAnswer({ ok }),
      (e: HttpError) => live && setAnswer({ problem: e.body?.errors?.[0]?.rule ?? e.message }),
    );
    return () => {
      live = false;
    };
  }, [question]);
  if (!fineBasis) return null;
  if (answer.problem) return <Alert severity="info">{answer.problem}</Alert>;
  if (!answer.ok) return null;
  const { range, illegalIncome } = answer.ok;
  return (
    <Alert severity="info" data-testid="fine-range">
      {t(`${words}.fine.range`)}：{formatFen(range.minFen, locale)} – {formatFen(range.maxFen, locale)}
      {illegalIncome &&
        ` · ${t(`${words}.fine.income`)} ${formatFen(illegalIncome.fen, locale)}（${t(`${words}.fine.sources.${illegalIncome.source}`, { _: illegalIncome.source })}）`}
      <br />
      <small>{range.source}</small>
    </Alert>
  );
}

/** The inspector proposes a penalty for violations found; another official decides it. */
export function ProposePenalty({
  violations,
}: {
  violations: { id: string; code: string; subject?: { licenseId?: string } }[];
}) {
  const dataProvider = useDataProvider();
  const t = useTranslate();
  const { data: types } = useLookup<PenaltyType[]>(violations.length ? '/penalties/types' : undefined);
  if (!violations.length) return null;
  const licenseId = violations.find((v) => v.subject?.licenseId)?.subject?.licenseId;
  const basisCode = violations.find((v) => fineBasisOf(v.code))?.code;
  return (
    <CommandButton
      resource={R}
      access="create"
      label={`${words}.commands.propose`}
      defaultValues={{ violationIds: violations.map((v) => v.id), fineBasis: basisCode ?? '' }}
      inputs={
        <>
          <ViolationsInput violations={violations} label="resources.penalties.fields.violations" />
          <SelectInput
            source="type"
            label="resources.penalties.fields.type"
            choices={(types ?? []).map((p) => ({
              id: p.type,
              name: `${t(`${words}.penaltyTypes.${p.type}`, { _: p.name })} — ${p.article}`,
            }))}
            translateChoice={false}
            validate={required()}
          />
          <LongTextInput source="reasons" label="resources.penalties.fields.reasons" />
          <TextInput
            source="factsArticle"
            label="resources.penalties.fields.factsArticle"
            validate={maxLength(300)}
          />
          <FormDataConsumer<{
            type?: string;
            fineBasis?: string;
            especiallySerious?: boolean;
            illegalIncomeYuan?: unknown;
          }>>
            {({ formData }) =>
              formData.type === 'fine' && (
                <>
                  <SelectInput
                    source="fineBasis"
                    label="resources.penalties.fields.fineBasis"
                    choices={choicesOf(
                      ['unlicensed-operation', 'disguised-subject-training'],
                      `${words}.codes`,
                    )}
                    emptyText={`${words}.fine.otherBasis`}
                  />
                  {formData.fineBasis === 'disguised-subject-training' && (
                    <BooleanInput source="especiallySerious" label={`${words}.fine.especiallySerious`} />
                  )}
                  <NumberInput
                    source="illegalIncomeYuan"
                    label="resources.penalties.fields.illegalIncome"
                    helperText={`${words}.fine.incomeHint`}
                    validate={minValue(0)}
                  />
                  <Stack
                    direction={{ xs: 'column', sm: 'row' }}
                    spacing={1}
                    sx={{ alignItems: { sm: 'flex-start' } }}
                  >
                    <Box sx={{ flex: 1 }}>
                      <NumberInput
                        source="fineYuan"
                        label="resources.penalties.fields.fine"
                        helperText={`${words}.fine.yuan`}
                        validate={[required(), minValue(0)]}
                      />
                    </Box>
                    <Box sx={{ flex: 1 }}>
                      <FineRange
                        basis={formData.fineBasis}
                        especiallySerious={formData.especiallySerious}
                        licenseId={licenseId}
                        incomeYuan={formData.illegalIncomeYuan}
                      />
                    </Box>
                  </Stack>
                </>
              )
            }
          </FormDataConsumer>
        </>
      }
      // The service names fineFen / declaredIllegalIncomeFen / illegalIncomeFen; their inputs carry yuan.
      fields={[
        'violationIds',
        'type',
        'reasons',
        'factsArticle',
        'fineBasis',
        'fineYuan',
        'illegalIncomeYuan',
      ]}
      send={async (v) => {
        try {
          return await dataProvider.create(R, { data: proposalBody(v) });
        } catch (e) {
          throw renameFields(e, {
            fineFen: 'fineYuan',
            declaredIllegalIncomeFen: 'illegalIncomeYuan',
            illegalIncomeFen: 'illegalIncomeYuan',
          });
        }
      }}
    />
  );
}

/** Decide or reject: offered to an approver who did not propose it (the service refuses the proposer anyway). */
function Decisions() {
  const record = useRecordContext<Penalty>();
  const { identity } = useGetIdentity();
  const dataProvider = useDataProvider<OtrDataProvider>();
  if (!record || !mayDecide(record, identity ? String(identity.id) : undefined)) return null;
  return (
    <Stack direction="row" spacing={1} sx={{ my: 1, flexWrap: 'wrap', rowGap: 1 }}>
      <CommandButton
        resource={R}
        access="decide"
        label={`${words}.commands.decide`}
        hint={`${words}.hints.decide`}
        variant="contained"
        send={() => dataProvider.command(R, record.id, 'decide')}
      />
      <CommandButton
        resource={R}
        access="reject"
        label={`${words}.commands.reject`}
        color="error"
        inputs={
          <TextInput
            source="reason"
            label={`${words}.reason`}
            multiline
            minRows={2}
            validate={[required(), minLength(2), maxLength(2000)]}
          />
        }
        fields={['reason']}
        send={(v) => dataProvider.command(R, record.id, 'reject', v)}
      />
    </Stack>
  );
}

export function PenaltyList() {
  const t = useTranslate();
  const [locale = 'zh-CN'] = useLocaleState();
  const typeOf = (r: Penalty) => t(`${words}.penaltyTypes.${r.type}`, { _: r.type });
  return (
    <EnforcementList<Penalty>
      filters={statusFilters(PENALTY_STATUSES)}
      secondary={(r) => `${typeOf(r)} · ${formatFen(r.fineFen, locale)}`}
    >
      <Column<Penalty> source="type" render={typeOf} />
      <Column<Penalty> source="fine" render={(r) => formatFen(r.fineFen, locale)} />
      <TextField source="proposedOn" sortable={false} />
      <TextField
        source="decision.number"
        label="resources.penalties.fields.decisionNumber"
        sortable={false}
        emptyText="—"
      />
    </EnforcementList>
  );
}

function PenaltyFile() {
  const t = useTranslate();
  const [locale = 'zh-CN'] = useLocaleState();
  const record = useRecordContext<Penalty>();
  if (!record) return null;
  return (
    <RecordFile<Penalty> commands={<Decisions />}>
      <FunctionField<Penalty>
        source="type"
        render={(r) => t(`${words}.penaltyTypes.${r.type}`, { _: r.type })}
      />
      <TextField source="legalBasis" />
      <TextField source="reasons" sx={{ whiteSpace: 'pre-wrap' }} />
      <FunctionField<Penalty> source="fine" render={(r) => formatFen(r.fineFen, locale)} />
      {record.illegalIncome && (
        <Labeled label="resources.penalties.fields.illegalIncome">
          <span>
            {formatFen(record.illegalIncome.fen, locale)}（
            {t(`${words}.fine.sources.${record.illegalIncome.source}`, { _: record.illegalIncome.source })}）
          </span>
        </Labeled>
      )}
      <FunctionField<Penalty>
        source="proposedBy"
        render={(r) =>
          `${r.proposedBy.userId}${r.proposedBy.department ? `（${t(`otr.departments.${r.proposedBy.department}`)}）` : ''} · ${r.proposedOn}`
        }
      />
      {record.decision && (
        <FunctionField<Penalty>
          source="decision"
          render={(r) => `${r.decision?.number} · ${r.decision?.by} · ${r.decision?.on}`}
        />
      )}
      {record.rejection && (
        <FunctionField<Penalty>
          source="rejection"
          render={(r) => `${r.rejection?.reason} · ${r.rejection?.by} · ${r.rejection?.on}`}
        />
      )}
    </RecordFile>
  );
}

export const penalties = enforcementResource({
  name: R,
  list: PenaltyList,
  file: PenaltyFile,
  icon: GavelIcon,
});
