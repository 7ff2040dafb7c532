import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { z } from 'zod';
import { CurrentPrincipal, Department, Principal, Roles } from '@otr/auth';
import { IsoDate } from '@otr/contracts';
import { Returns, UuidPipe, ZodPipe } from '@otr/runtime';
import {
  CloseJointCaseCommand,
  CompleteCaseTaskCommand,
  OpenJointCaseCommand,
} from '../application/joint-cases';
import { JointCaseState } from '../domain/joint-case';
import { ctxOf, READERS, RecordReads } from './http';

const Task = z.union([
  z.object({ department: Department, legalBasis: z.string().trim().min(2).max(300), dueBy: IsoDate }),
  z.object({
    department: Department,
    legalBasis: z.string().trim().min(2).max(300),
    workingDays: z.number().int().min(1).max(120),
  }),
]);
const Opening = z
  .object({
    subject: z.union([
      z.object({ institutionId: z.string().min(1) }),
      z.object({
        name: z.string().trim().min(2).max(200),
        address: z.string().trim().min(2).max(300),
        district: z.string().regex(/^CN(-[A-Z0-9]+){0,3}$/),
      }),
    ]),
    summary: z.string().trim().min(2).max(4000),
    tasks: z.array(Task).min(1).max(12),
  })
  .meta({
    examples: [
      {
        subject: {
          name: '某某教育咨询工作室',
          address: '浙江省杭州市西湖区古墩路 88 号 3 楼',
          district: 'CN-ZJ-HZ-XH',
        },
        summary: '无证开展学科类培训，兼有消防隐患，教育、市场监管、消防联合查处',
        tasks: [
          { department: 'education', legalBasis: '教育部令第53号 第十七条', workingDays: 10 },
          {
            department: 'market-regulation',
            legalBasis: '《无证无照经营查处办法》第十三条',
            dueBy: '2026-04-30',
          },
        ],
      },
    ],
  });
const Completion = z.object({ findings: z.string().trim().min(1).max(4000) });
const Closing = z.object({ conclusion: z.string().trim().min(1).max(4000) });
type OpeningInput = z.infer<typeof Opening>;
type CompletionInput = z.infer<typeof Completion>;
type ClosingInput = z.infer<typeof Closing>;

/** Joint cases (联合执法): one task per department, every department's progress in one place. */
@Controller('joint-cases')
export class JointCasesController extends RecordReads('joint-case', READERS, { history: true }) {
  constructor(private readonly commands: CommandBus) {
    super();
  }

  @Post()
  @Roles('task-force-officer')
  @Returns(JointCaseState)
  open(@Body(new ZodPipe(Opening)) body: OpeningInput, @CurrentPrincipal() p: Principal) {
    return this.commands.execute(new OpenJointCaseCommand(body, ctxOf(p)));
  }

  @Post(':id/tasks/:taskId/complete')
  @HttpCode(200)
  @Roles('task-force-officer', 'inspector')
  @Returns(JointCaseState)
  complete(
    @Param('id', new UuidPipe()) id: string,
    @Param('taskId', new UuidPipe()) taskId: string,
    @Body(new ZodPipe(Completion)) body: CompletionInput,
    @CurrentPrincipal() p: Principal,
  ) {
    return this.commands.execute(new CompleteCaseTaskCommand(id, taskId, body.findings, ctxOf(p)));
  }

  @Post(':id/close')
  @HttpCode(200)
  @Roles('task-force-officer')
  @Returns(JointCaseState)
  close(
    @Param('id', new UuidPipe()) id: string,
    @Body(new ZodPipe(Closing)) body: ClosingInput,
    @CurrentPrincipal() p: Principal,
  ) {
    return this.commands.execute(new CloseJointCaseCommand(id, body.conclusion, ctxOf(p)));
  }
}
