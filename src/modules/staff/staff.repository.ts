import { and, asc, count, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { apiTokens, staff, staffInvitations } from './staff.table.ts';

export type StaffRow = typeof staff.$inferSelect;
export type InvitationRow = typeof staffInvitations.$inferSelect;
export type ApiTokenRow = typeof apiTokens.$inferSelect;

export const staffRepository = {
  async count(db: Db): Promise<number> {
    const [row] = await db.select({ n: count() }).from(staff);
    return row?.n ?? 0;
  },
  async insert(db: Db, row: typeof staff.$inferInsert): Promise<StaffRow> {
    const [created] = await db.insert(staff).values(row).returning();
    return created!;
  },
  async findById(db: Db, id: string): Promise<StaffRow | undefined> {
    const [row] = await db.select().from(staff).where(eq(staff.id, id)).limit(1);
    return row;
  },
  async findByEmail(db: Db, email: string): Promise<StaffRow | undefined> {
    const [row] = await db.select().from(staff).where(eq(staff.email, email)).limit(1);
    return row;
  },
  list(db: Db): Promise<StaffRow[]> {
    return db.select().from(staff).orderBy(asc(staff.createdAt), asc(staff.email));
  },
  async delete(db: Db, id: string): Promise<boolean> {
    const rows = await db.delete(staff).where(eq(staff.id, id)).returning({ id: staff.id });
    return rows.length > 0;
  },

  async insertInvitation(db: Db, row: typeof staffInvitations.$inferInsert): Promise<InvitationRow> {
    const [created] = await db
      .insert(staffInvitations)
      .values(row)
      // Inviting the same email again replaces the old link.
      .onConflictDoUpdate({
        target: staffInvitations.email,
        set: {
          name: row.name,
          tokenHash: row.tokenHash,
          invitedBy: row.invitedBy,
          createdAt: sql`excluded.created_at`,
          expiresAt: row.expiresAt,
        },
      })
      .returning();
    return created!;
  },
  async findLiveInvitation(db: Db, tokenHash: string, now: Date): Promise<InvitationRow | undefined> {
    const [row] = await db
      .select()
      .from(staffInvitations)
      .where(and(eq(staffInvitations.tokenHash, tokenHash), gt(staffInvitations.expiresAt, now)))
      .limit(1);
    return row;
  },
  listLiveInvitations(db: Db, now: Date): Promise<InvitationRow[]> {
    return db.select().from(staffInvitations).where(gt(staffInvitations.expiresAt, now)).orderBy(asc(staffInvitations.createdAt));
  },
  async deleteInvitation(db: Db, id: string): Promise<boolean> {
    const rows = await db.delete(staffInvitations).where(eq(staffInvitations.id, id)).returning({ id: staffInvitations.id });
    return rows.length > 0;
  },

  async insertToken(db: Db, row: typeof apiTokens.$inferInsert): Promise<ApiTokenRow> {
    const [created] = await db.insert(apiTokens).values(row).returning();
    return created!;
  },
  listTokens(db: Db, staffId: string): Promise<ApiTokenRow[]> {
    return db.select().from(apiTokens).where(eq(apiTokens.staffId, staffId)).orderBy(asc(apiTokens.createdAt));
  },
  async deleteToken(db: Db, staffId: string, id: string): Promise<boolean> {
    const rows = await db
      .delete(apiTokens)
      .where(and(eq(apiTokens.id, id), eq(apiTokens.staffId, staffId)))
      .returning({ id: apiTokens.id });
    return rows.length > 0;
  },
  /** Resolves a bearer token to its staff member and stamps last use. */
  async useToken(db: Db, tokenHash: string, now: Date): Promise<StaffRow | undefined> {
    const [row] = await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.tokenHash, tokenHash)).returning({ staffId: apiTokens.staffId });
    return row ? staffRepository.findById(db, row.staffId) : undefined;
  },
};
export type StaffRepository = typeof staffRepository;
