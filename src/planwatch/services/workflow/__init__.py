"""The supervision workflow (督办) on the database: work items and assignments, milestones, progress
reports and their review, deadlines and reminders, the Excel ledger, public feedback, and the numbers
department scorecards read. The pure rules live in ``planwatch.workflow``."""
