/* upp-briefing-private.h — the briefing's internals: the page layout engine, the content
 * builder and its sections
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include "upp-briefing.h"
#include "upp-chart-draw.h"
#include "upp-chart-style.h"

G_BEGIN_DECLS

/* The engine works in two steps, so that "Page X of Y" and the contents
 * list know Y and X: content is cut into unbreakable chunks (a heading, a
 * few lines of a paragraph, a table row, a figure), which a flow places on
 * pages; then any page can be drawn, as often as wanted, into any cairo_t.
 * Each chunk's layouts are made once and kept, so drawing never shapes
 * text again. The PDF writer and the print path draw with the same
 * function; only the PDF writer passes on the structure tags. */

typedef enum
{
  UPP_TEXT_ORGANISATION,
  UPP_TEXT_TITLE,
  UPP_TEXT_SUBTITLE,
  UPP_TEXT_META,
  UPP_TEXT_H1,
  UPP_TEXT_H2,
  UPP_TEXT_H3,
  UPP_TEXT_BODY,
  UPP_TEXT_LABEL,
  UPP_TEXT_SMALL,
  UPP_TEXT_TABLE,
  UPP_TEXT_TABLE_HEAD,
  UPP_TEXT_FIGURE_NUMBER,
  UPP_TEXT_FIGURE_LABEL,
  UPP_TEXT_RUNNING,
  UPP_TEXT_TOC,
  UPP_N_TEXT_STYLES
} UppTextStyle;

typedef enum
{
  UPP_OP_TEXT,
  UPP_OP_LINE,
  UPP_OP_RECT,
  UPP_OP_FIGURE,
  UPP_OP_PROGRESS,
  UPP_OP_TAG_BEGIN,
  UPP_OP_TAG_END,
  UPP_OP_DEST,
  UPP_OP_PAGE_REF,
} UppOpKind;

/* One drawing operation, relative to its chunk's top until placed, then
 * in page coordinates. */
typedef struct
{
  UppOpKind    kind;
  double       x;
  double       y;
  double       width;
  double       height;
  guint32      color;        /* 0xRRGGBB */
  double       line_width;
  PangoLayout *layout;       /* borrowed from UppBriefing.layouts */
  int          first_line;   /* -1: the whole layout */
  int          n_lines;
  const char  *tag;          /* a static structure tag name */
  char        *attributes;   /* owned: tag attributes, destination name */
  char        *description;  /* owned: a link's text, for its annotation */
  guint        index;        /* figure or page-ref number; progress in % */
  gboolean     leaf;         /* for a tag: holds content, not elements */
} UppOp;

typedef struct _UppChunk UppChunk;

struct _UppChunk
{
  double    height;
  double    space_before;    /* collapses with the previous chunk's space_after */
  double    space_after;
  gboolean  keep_with_next;
  gboolean  is_header;       /* a table's header row */
  UppChunk *repeat;          /* a header to repeat when a page breaks before this */
  GArray   *ops;             /* UppOp */
};

typedef struct
{
  GArray *ops;               /* UppOp, in drawing (reading) order */
} UppPage;

typedef struct
{
  UppChartData   data;
  UppStateCounts counts;     /* what data.counts points to */
  char          *alt;
  guint          page;
  double         x;
  double         y;
  double         width;
  double         height;
} UppFigure;

typedef struct
{
  int       parent;          /* index into outline, or -1 */
  char     *title;
  char     *dest;            /* a destination name */
} UppOutlineEntry;

/* Table columns */
typedef struct
{
  double          width;     /* points */
  PangoAlignment  align;
} UppColumn;

typedef struct
{
  UppBriefing  *briefing;
  GPtrArray    *queue;       /* UppChunk, a chain of kept-together chunks */
  UppPage      *page;
  double        y;
  gboolean      page_empty;
  GArray       *open_tags;   /* UppOp copies of the open TAG_BEGINs */
  gboolean      break_pending;
  double        last_after;  /* space_after of the last chunk placed */
  GPtrArray    *recording;   /* chunks kept for later, or NULL */
} UppFlow;

/* Page geometry in points */
#define UPP_MARGIN_LEFT    62.0
#define UPP_MARGIN_RIGHT   62.0
#define UPP_MARGIN_TOP     72.0
#define UPP_MARGIN_BOTTOM  68.0
#define UPP_TEXT_WIDTH     (UPP_BRIEFING_PAGE_WIDTH - UPP_MARGIN_LEFT - UPP_MARGIN_RIGHT)
#define UPP_TEXT_BOTTOM    (UPP_BRIEFING_PAGE_HEIGHT - UPP_MARGIN_BOTTOM)

#define UPP_INK            0x1a1a1a
#define UPP_INK_SECONDARY  0x555555
#define UPP_RULE           0x9a9a9a
#define UPP_RULE_LIGHT     0xd0d0d0

struct _UppBriefing
{
  /* options, owned copies */
  UppWeek                week;
  gboolean               summary;
  guint                  summary_items;     /* how long the summary's lists are */
  GDateTime             *generated;
  char                  *organisation;
  char                  *language;
  char                  *title;
  char                  *subject;
  char                  *keywords;

  /* data, owned */
  UppPackage            *package;
  GPtrArray             *statuses;          /* UppActionStatus, week */
  GPtrArray             *before;            /* UppActionStatus, week - 1 */
  UppStateCounts         counts;
  GPtrArray             *department_counts; /* UppDepartmentCounts */
  GPtrArray             *compliance;        /* UppComplianceRow, 8 weeks */
  GPtrArray             *deadlines;         /* UppDeadline */
  GPtrArray             *indicators;        /* UppIndicatorSeries */
  GPtrArray             *notes;             /* UppNote */
  GHashTable            *note_by_action;    /* code → UppNote, borrowed */
  GHashTable            *action_by_code;    /* code → UppAction, borrowed */
  GPtrArray             *corrections;       /* UppDocumentInfo */
  GHashTable            *summaries;         /* department code → its summary of the week */

  /* layout */
  PangoFontMap          *font_map;
  PangoContext          *context;
  PangoFontDescription  *fonts[UPP_N_TEXT_STYLES];
  GHashTable            *cell_cache;        /* key → PangoLayout, for repeated cells */
  GPtrArray             *layouts;           /* PangoLayout, owned */
  GPtrArray             *chunks;            /* UppChunk, owned */
  GPtrArray             *pages;             /* UppPage */
  GPtrArray             *figures;           /* UppFigure */
  GHashTable            *dest_pages;        /* dest name → page + 1 */
  GArray                *outline;           /* UppOutlineEntry */
  GPtrArray             *page_refs;         /* PangoLayout per UPP_OP_PAGE_REF */
  GPtrArray             *running;           /* PangoLayout ×3 per page: header, footer */
  UppChartStyle          chart_style;
  double                 hang;              /* the column of action codes */
};

/* upp-briefing-layout.c */
PangoContext *upp_briefing_new_context    (void);
void         upp_briefing_layout_init     (UppBriefing     *self);
void         upp_briefing_layout_clear    (UppBriefing     *self);
PangoLayout *upp_briefing_text            (UppBriefing     *self,
                                           UppTextStyle     style,
                                           const char      *markup,
                                           double           width,
                                           PangoAlignment   align);
PangoLayout *upp_briefing_cached_text     (UppBriefing     *self,
                                           UppTextStyle     style,
                                           const char      *markup,
                                           double           width,
                                           PangoAlignment   align);
double       upp_layout_height            (PangoLayout     *layout);
double       upp_layout_width             (PangoLayout     *layout);
double       upp_layout_baseline          (PangoLayout     *layout);

UppChunk    *upp_chunk_new                (UppBriefing     *self);
UppOp       *upp_chunk_add_op             (UppChunk        *chunk,
                                           UppOpKind        kind);
void         upp_chunk_add_text           (UppChunk        *chunk,
                                           PangoLayout     *layout,
                                           double           x,
                                           double           y,
                                           guint32          color);
void         upp_chunk_add_line           (UppChunk        *chunk,
                                           double           x1,
                                           double           y1,
                                           double           x2,
                                           double           y2,
                                           double           width,
                                           guint32          color);
void         upp_chunk_add_rect           (UppChunk        *chunk,
                                           double           x,
                                           double           y,
                                           double           width,
                                           double           height,
                                           guint32          color);
void         upp_chunk_tag_begin          (UppChunk        *chunk,
                                           const char      *tag,
                                           const char      *attributes,
                                           gboolean         leaf);
void         upp_chunk_link_begin         (UppChunk        *chunk,
                                           const char      *dest,
                                           const char      *text);
void         upp_chunk_tag_end            (UppChunk        *chunk,
                                           const char      *tag);
void         upp_chunk_add_dest           (UppChunk        *chunk,
                                           const char      *name,
                                           double           y);

void         upp_flow_init                (UppFlow         *flow,
                                           UppBriefing     *self);
void         upp_flow_add                 (UppFlow         *flow,
                                           UppChunk        *chunk);
void         upp_flow_tag_begin           (UppFlow         *flow,
                                           const char      *tag);
void         upp_flow_tag_end             (UppFlow         *flow,
                                           const char      *tag);
void         upp_flow_page_break          (UppFlow         *flow);
void         upp_flow_record              (UppFlow         *flow);
GPtrArray   *upp_flow_stop_recording      (UppFlow         *flow);
void         upp_flow_replay              (UppFlow         *flow,
                                           GPtrArray       *recording);
void         upp_flow_finish              (UppFlow         *flow,
                                           gboolean         complete);

void         upp_flow_paragraph           (UppFlow         *flow,
                                           UppTextStyle     style,
                                           const char      *markup,
                                           double           indent,
                                           double           space_before,
                                           const char      *tag,
                                           gboolean         keep_with_next);
UppChunk    *upp_table_header             (UppBriefing     *self,
                                           const UppColumn *columns,
                                           guint            n_columns,
                                           const char     **cells);
UppChunk    *upp_table_row                (UppBriefing     *self,
                                           const UppColumn *columns,
                                           guint            n_columns,
                                           const char     **cells,
                                           UppChunk        *header);

void         upp_briefing_finish_layout   (UppBriefing     *self);

/* upp-briefing-render.c */
void         upp_briefing_render_page     (UppBriefing     *self,
                                           cairo_t         *cr,
                                           guint            page,
                                           gboolean         tagged);

/* The content: each section cuts what it says into chunks through a
 * builder, with a flow of its own; one flow then places the sections in
 * document order. */

#define UPP_N_COMPLIANCE_WEEKS 8
/* The summary's lists start at this many items, and are cut further
 * (UppBriefing.summary_items) until the summary keeps to two pages; a line
 * says how many more the full briefing lists. */
#define UPP_SUMMARY_MAX_ITEMS  8
#define UPP_SUMMARY_MAX_PAGES  2
#define UPP_N_DEADLINE_WEEKS   8

/* An outline entry under the last top-level entry placed before it: a
 * department's, under "Actions by department" in a section before. */
#define UPP_OUTLINE_UNDER_LAST (-2)

typedef struct
{
  UppBriefing *self;
  UppFlow      flow;
} UppBuilder;

typedef struct
{
  UppBuilder *b;
  UppColumn  *columns;
  guint       n_columns;
  UppChunk   *header;
} UppTable;

/* The indicator series are the one slow query (every value of every
 * indicator up to the week); it runs in a thread of its own while the
 * other sections are laid out. The store serialises its queries, so this
 * starts after the others. */
typedef struct
{
  UppStore  *store;
  UppWeek    week;
  GError    *error;
} UppSeriesQuery;

/* upp-briefing.c */
GDateTime   *upp_briefing_default_generated (void);

/* upp-briefing-guard.c */
gboolean     upp_briefing_guard           (UppBriefing     *self,
                                           GError         **error);
gboolean     upp_briefing_guard_indicators (UppBriefing    *self,
                                            GError        **error);

/* upp-briefing-blocks.c */
extern const guint32  upp_briefing_state_inks[UPP_N_STATES];
extern const UppState upp_briefing_state_order[UPP_N_STATES];

char        *upp_briefing_esc             (const char      *text);
gboolean     upp_briefing_has_text        (const char      *text);
char        *upp_briefing_format_date     (const GDate     *date);
char        *upp_briefing_dest_name       (const char      *prefix,
                                           const char      *code);
char        *upp_briefing_state_markup    (UppState         state);
char        *upp_briefing_labelled        (const char      *label,
                                           const char      *text);
char        *upp_briefing_action_cell     (const char      *code,
                                           const char      *title);
int          upp_briefing_add_outline     (UppBriefing     *self,
                                           int              parent,
                                           const char      *title,
                                           const char      *dest);
UppFigure   *upp_briefing_figure_new      (UppBriefing        *self,
                                           const UppChartData *data);
void         upp_briefing_chunk_add_figure (UppBriefing    *self,
                                            UppChunk       *chunk,
                                            UppFigure      *figure,
                                            double          x,
                                            double          y,
                                            double          width,
                                            double          height);
void         upp_builder_heading          (UppBuilder      *b,
                                           UppTextStyle     style,
                                           const char      *text,
                                           const char      *dest);
void         upp_builder_section_begin    (UppBuilder      *b,
                                           const char      *title,
                                           const char      *dest);
void         upp_builder_section_end      (UppBuilder      *b);
void         upp_builder_paragraph        (UppBuilder      *b,
                                           const char      *markup);
void         upp_builder_empty_note       (UppBuilder      *b,
                                           const char      *text);
void         upp_builder_more_note        (UppBuilder      *b,
                                           guint            n_more);
void         upp_builder_table_begin_full (UppTable        *table,
                                           UppBuilder      *b,
                                           UppColumn       *columns,
                                           guint            n_columns,
                                           const char     **headers,
                                           gboolean         markup);
void         upp_builder_table_begin      (UppTable        *table,
                                           UppBuilder      *b,
                                           UppColumn       *columns,
                                           guint            n_columns,
                                           const char     **headers);
void         upp_builder_table_row        (UppTable        *table,
                                           const char     **cells);
void         upp_builder_table_end        (UppTable        *table);
void         upp_builder_figure_block     (UppBuilder         *b,
                                           const UppChartData *data,
                                           double              height);

/* upp-briefing-action.c */
void         upp_builder_indented_paragraph (UppBuilder   *b,
                                             UppTextStyle  style,
                                             const char   *markup,
                                             double        space_before,
                                             gboolean      keep_with_next);
void         upp_builder_action_item      (UppBuilder            *b,
                                           const UppActionStatus *status,
                                           const char            *suffix,
                                           const char            *tag,
                                           const char            *dest,
                                           double                 space_before,
                                           gboolean               keep_with_next);
void         upp_builder_action_card      (UppBuilder            *b,
                                           const UppActionStatus *status,
                                           gboolean               link);

/* The sections, in document order: upp-briefing-cover.c, -decisions.c,
 * -missing.c, -changes.c, -departments.c, -deadlines.c, -by-department.c,
 * -indicators.c and -appendix.c */
guint        upp_briefing_count_needing_attention (UppBriefing *self);
void         upp_section_cover            (UppBuilder      *b,
                                           guint            part);
void         upp_section_needs_decision   (UppBuilder      *b);
void         upp_section_missing_reports  (UppBuilder      *b);
void         upp_section_changes          (UppBuilder      *b);
void         upp_section_departments      (UppBuilder      *b);
void         upp_section_deadlines        (UppBuilder      *b);
void         upp_section_actions_begin    (UppBuilder      *b,
                                           guint            part);
void         upp_section_actions_of_department (UppBuilder *b,
                                                guint       d);
void         upp_section_actions_end      (UppBuilder      *b,
                                           guint            part);
void         upp_section_indicators       (UppBuilder      *b);
void         upp_section_appendix         (UppBuilder      *b);

/* upp-briefing-build.c */
gboolean     upp_briefing_build           (UppBriefing     *self,
                                           GThread         *series_thread,
                                           UppSeriesQuery  *series_query,
                                           GError         **error);
void         upp_briefing_set_layout_threads (guint         n_threads);

/* upp-briefing-pdf.c */
GBytes      *upp_briefing_render_pdf      (UppBriefing     *self,
                                           GThread        **freeing,
                                           GError         **error);

G_END_DECLS
