import {
  call,
  FeesHarness,
  institutionWithCourse,
  orderBody,
  paidOrder,
  placeOrder,
  signInFamily,
  startFees,
  startSmsGateway,
} from './fees.int-fixtures';

jest.setTimeout(120_000);

describe('a family rates the institution on its own order (评价)', () => {
  let h: FeesHarness;
  let sms: Awaited<ReturnType<typeof startSmsGateway>>;

  beforeAll(async () => {
    sms = await startSmsGateway();
    h = await startFees('2026-09-01T02:00:00Z', undefined, { FEES_SMS_URL: sms.url });
  });
  afterAll(async () => {
    await h.stop();
    sms.close();
  });

  const rated = async (orderId: string) =>
    (
      await h.prisma.outboxMessage.findMany({
        where: { type: 'fees.OrderRated' },
        orderBy: { seq: 'asc' },
      })
    )
      .map((m) => (m.envelope as { payload: { orderId: string } }).payload)
      .filter((p) => p.orderId === orderId);

  it('stores one rating per order, replaces it when the family rates again, and publishes each as OrderRated', async () => {
    const inst = await institutionWithCourse(h);
    const phone = '13900000101';
    const o = await paidOrder(h, inst, phone, 10);
    const family = await signInFamily(h, sms, phone);
    const rate = (stars: number) =>
      call(h, null, 'POST', '/public/family/ratings', { orderId: o.id, stars }, family);

    const first = await rate(4);
    expect(first).toMatchObject({
      status: 200,
      body: {
        orderId: o.id,
        stars: 4,
        ratedAt: '2026-09-01T02:00:00.000Z',
        institutionName: inst.event.payload.institutionName,
      },
    });
    h.clock.set('2026-09-20T08:30:00Z');
    expect((await rate(2)).body).toMatchObject({ stars: 2, ratedAt: '2026-09-20T08:30:00.000Z' });

    expect(await h.prisma.orderRating.findMany({ where: { orderId: o.id } })).toEqual([
      expect.objectContaining({ stars: 2, ratedAt: new Date('2026-09-20T08:30:00Z') }),
    ]);
    expect(await rated(o.id)).toEqual([
      { orderId: o.id, licenseId: inst.licenseId, stars: 4, ratedAt: '2026-09-01T02:00:00.000Z' },
      { orderId: o.id, licenseId: inst.licenseId, stars: 2, ratedAt: '2026-09-20T08:30:00.000Z' },
    ]);
    const mine = await call(h, null, 'GET', '/public/family/orders', undefined, family);
    expect(mine.body).toEqual({
      items: [
        expect.objectContaining({ id: o.id, rating: { stars: 2, ratedAt: '2026-09-20T08:30:00.000Z' } }),
      ],
      total: 1,
    });
  });

  it('refuses bad stars (400 naming the field), an unpaid order (422), another family’s order (403), and no sign-in (401)', async () => {
    h.clock.set('2026-09-01T02:00:00Z');
    const inst = await institutionWithCourse(h);
    const phone = '13900000102';
    const o = await paidOrder(h, inst, phone, 10);
    const family = await signInFamily(h, sms, phone);
    const rate = (body: unknown, as: Record<string, string> = family) =>
      call(h, null, 'POST', '/public/family/ratings', body, as);

    for (const stars of [0, 6, 3.5, '5']) {
      const bad = await rate({ orderId: o.id, stars });
      expect(bad.status).toBe(400);
      expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'stars' })]);
    }
    expect((await rate({ stars: 5 })).body.errors).toEqual([expect.objectContaining({ field: 'orderId' })]);

    const { orderId: unpaid } = await placeOrder(
      h,
      inst.institutionId,
      orderBody(inst, { familyPhone: phone, studentName: '小妹' }),
    );
    const refused = await rate({ orderId: unpaid, stars: 5 });
    expect(refused).toMatchObject({
      status: 422,
      body: { code: 'fees.InvalidRating', errors: [{ field: 'orderId' }] },
    });

    const stranger = await signInFamily(h, sms, '13900000103');
    expect((await rate({ orderId: o.id, stars: 1 }, stranger)).status).toBe(403);
    expect((await rate({ orderId: '00000000-0000-4000-8000-000000000000', stars: 1 })).status).toBe(404);
    expect((await rate({ orderId: o.id, stars: 1 }, {})).status).toBe(401);

    // Nothing of it was stored or published.
    expect(await h.prisma.orderRating.count({ where: { orderId: { in: [o.id, unpaid] } } })).toBe(0);
    expect(await rated(o.id)).toEqual([]);
  });
});
