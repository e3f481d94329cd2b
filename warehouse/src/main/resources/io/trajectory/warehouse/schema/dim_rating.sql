-- dim_rating: the fixed list of ratings with display colour and symbol. Key: rating_code.
create table dim_rating (
    rating_code varchar primary key,  -- GREEN, AMBER, RED, ACHIEVED, NOT_AVAILABLE, NOT_DUE, ENDED, NO_TARGET
    label       varchar not null,
    meaning     varchar not null,
    colour      varchar not null,     -- hex, shared by every chart and page
    symbol      varchar not null,     -- shown beside the colour: never colour alone
    sort_order  integer not null,
    is_counted  boolean not null,     -- false for NOT_DUE, ENDED and NO_TARGET
    has_data    boolean not null      -- true for GREEN, AMBER, RED, ACHIEVED
);
