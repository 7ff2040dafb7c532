import { Lesson, LessonRepository, NewLesson, Tx } from '../application/ports';
import { FeesPrisma, prismaTx } from './fees-prisma';

export class PrismaLessonRepository implements LessonRepository {
  constructor(private readonly prisma: FeesPrisma) {}

  async record(tx: Tx, lesson: NewLesson): Promise<void> {
    await prismaTx(tx).lesson.create({ data: lesson });
  }

  async dueForDeemedConfirmation(today: string): Promise<string[]> {
    const due = await this.prisma.lesson.findMany({
      where: { status: 'pending', confirmBy: { lt: new Date(today) } },
      select: { id: true },
      take: 1000,
    });
    return due.map((l) => l.id);
  }

  released(tx: Tx, institutionId: string): Promise<Lesson[]> {
    return prismaTx(tx).lesson.findMany({ where: { institutionId, status: 'released' } });
  }
}
